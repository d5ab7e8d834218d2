package io.homeward.portmap.pcp.internal.net;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.homeward.portmap.pcp.internal.wire.PcpConstants;

/** The real network: the routing table from {@code /proc/net/route}, or the operator's configured gateway. */
public final class SystemGatewayNetwork implements GatewayNetwork {
    private static final Path ROUTES = Path.of("/proc/net/route");

    private final Optional<InetAddress> configuredGateway;

    public SystemGatewayNetwork(Optional<InetAddress> configuredGateway) {
        this.configuredGateway = configuredGateway;
    }

    @Override
    public Optional<InetAddress> defaultGateway() throws IOException {
        if (configuredGateway.isPresent()) {
            return configuredGateway;
        }
        if (!Files.isReadable(ROUTES)) {
            return Optional.empty();
        }
        return ProcNetRoute.defaultGateway(Files.readString(ROUTES));
    }

    /** Connecting a UDP socket sends nothing; it only makes the kernel pick the route and source address. */
    @Override
    public InetAddress localAddressToward(InetAddress gateway) throws IOException {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(gateway, PcpConstants.SERVER_PORT));
            return probe.getLocalAddress();
        }
    }
}
