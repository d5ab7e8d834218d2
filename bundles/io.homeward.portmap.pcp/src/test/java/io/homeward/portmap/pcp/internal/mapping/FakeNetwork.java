package io.homeward.portmap.pcp.internal.mapping;

import java.net.InetAddress;
import java.util.Optional;

import io.homeward.portmap.pcp.internal.net.GatewayNetwork;
import io.homeward.portmap.pcp.internal.wire.Samples;

/** The host's view of its network, as the test says: gateway on loopback and a private address by default. */
final class FakeNetwork implements GatewayNetwork {
    volatile Optional<InetAddress> gateway = Optional.of(InetAddress.getLoopbackAddress());
    volatile InetAddress local = Samples.address("192.168.1.10");

    @Override
    public Optional<InetAddress> defaultGateway() {
        return gateway;
    }

    @Override
    public InetAddress localAddressToward(InetAddress target) {
        return local;
    }
}
