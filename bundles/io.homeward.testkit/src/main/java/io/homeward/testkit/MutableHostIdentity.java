package io.homeward.testkit;

import java.net.Inet6Address;

import io.homeward.api.identity.Eui64;
import io.homeward.api.identity.HostIdentity;
import io.homeward.kit.text.Eui64Text;
import io.homeward.kit.text.Ipv6Text;

/**
 * A host identity whose host name a test changes in place, as the identity's configuration does on a join or a
 * rename; the EUI-64 is {@link TestHostIdentity#example}'s.
 */
public final class MutableHostIdentity implements HostIdentity {
    private final Inet6Address ula;
    private volatile String hostName;

    public MutableHostIdentity(Inet6Address ula, String hostName) {
        this.ula = ula;
        this.hostName = hostName;
    }

    /** Changes the host name; whoever holds this identity sees the new one from now on. */
    public void rename(String newName) {
        hostName = newName;
    }

    @Override
    public Eui64 eui64() {
        return Eui64Text.parse("02-1B-63-FF-FE-84-5A-0C");
    }

    @Override
    public String eui64Source() {
        return "test";
    }

    @Override
    public Inet6Address ula() {
        return ula;
    }

    @Override
    public String ulaText() {
        return Ipv6Text.format(ula);
    }

    @Override
    public String hostName() {
        return hostName;
    }
}
