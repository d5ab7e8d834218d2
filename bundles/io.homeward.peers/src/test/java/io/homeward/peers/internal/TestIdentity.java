package io.homeward.peers.internal;

import java.net.Inet6Address;

import io.homeward.api.identity.Eui64;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.identity.Ipv6Text;

/** This host, with a name the test chooses. */
record TestIdentity(String hostName) implements HostIdentity {
    @Override
    public Eui64 eui64() {
        return Eui64.parse("02-00-5E-FF-FE-00-00-01");
    }

    @Override
    public String eui64Source() {
        return "test";
    }

    @Override
    public Inet6Address ula() {
        return RecordText.ipv6("fd00:1:2:3:0:5eff:fe00:1");
    }

    @Override
    public String ulaText() {
        return Ipv6Text.format(ula());
    }
}
