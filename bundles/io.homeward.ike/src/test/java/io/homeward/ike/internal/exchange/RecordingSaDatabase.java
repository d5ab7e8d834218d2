package io.homeward.ike.internal.exchange;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import io.homeward.api.sa.MissingSaListener;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.SecurityAssociationDatabase;

/**
 * An SA database that keeps every spec installed or added, in order, and what was removed; SPIs are reserved from a
 * counter.
 */
public final class RecordingSaDatabase implements SecurityAssociationDatabase {
    /** Told of packets to an address without a pair. */
    private final Set<MissingSaListener> missingSaListeners = new CopyOnWriteArraySet<>();
    public final List<SaSpec> installed = new ArrayList<>();
    public final List<Sending> sending = new ArrayList<>();
    public final Set<Integer> reserved = new HashSet<>();
    /** The ESP packets each pair accepted, by inbound SPI, as a test makes them arrive. */
    public final Map<Integer, Long> packetsIn = new HashMap<>();
    /** Packets sent on a pair, by its inbound SPI, as {@link #list()} reports them. */
    public final Map<Integer, Long> packetsOut = new HashMap<>();
    private int nextSpi = 0x1000;

    @Override
    public void install(SaSpec spec) {
        installed.removeIf(other -> other.peer().equals(spec.peer()));
        installed.add(spec);
        sending.add(Sending.NOW);
        reserved.remove(spec.inboundSpi());
    }

    @Override
    public void add(SaSpec spec, Sending when) {
        installed.add(spec);
        sending.add(when);
        reserved.remove(spec.inboundSpi());
    }

    @Override
    public int reserveSpi() {
        int spi = nextSpi++;
        reserved.add(spi);
        return spi;
    }

    @Override
    public void releaseSpi(int spi) {
        reserved.remove(spi);
    }

    @Override
    public boolean remove(Inet6Address peer) {
        return installed.removeIf(spec -> spec.peer().equals(peer));
    }

    @Override
    public boolean moveEndpoint(Inet6Address peer, InetSocketAddress to) {
        boolean moved = false;
        for (int i = 0; i < installed.size(); i++) {
            if (installed.get(i).peer().equals(peer)) {
                installed.set(i, installed.get(i).withPeerEndpoint(to));
                moved = true;
            }
        }
        return moved;
    }

    @Override
    public boolean remove(Inet6Address peer, int inboundSpi) {
        return installed.removeIf(spec -> spec.peer().equals(peer) && spec.inboundSpi() == inboundSpi);
    }

    @Override
    public void addMissingSaListener(MissingSaListener listener) {
        missingSaListeners.add(listener);
    }

    @Override
    public void removeMissingSaListener(MissingSaListener listener) {
        missingSaListeners.remove(listener);
    }

    @Override
    public List<SaStatus> list() {
        return installed.stream().map(spec -> new SaStatus(spec.peer(), spec.inboundSpi(), spec.outboundSpi(),
                spec.suite(), spec.peerEndpoint(), packetsIn.getOrDefault(spec.inboundSpi(), 0L), 0,
                packetsOut.getOrDefault(spec.inboundSpi(), 0L), 0, Map.of(),
                spec.esn())).toList();
    }
}
