package io.homeward.ike.internal.exchange;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.SecurityAssociationDatabase;

/** An SA database that keeps every spec installed, in order. */
public final class RecordingSaDatabase implements SecurityAssociationDatabase {
    public final List<SaSpec> installed = new ArrayList<>();

    @Override
    public void install(SaSpec spec) {
        installed.add(spec);
    }

    @Override
    public boolean remove(Inet6Address peer) {
        return installed.removeIf(spec -> spec.peer().equals(peer));
    }

    @Override
    public List<SaStatus> list() {
        return installed.stream().map(spec -> new SaStatus(spec.peer(), spec.inboundSpi(), spec.outboundSpi(),
                spec.suite(), spec.peerEndpoint(), 0, 0, 0, 0, Map.of(), spec.esn())).toList();
    }
}
