package io.homeward.api.portmap;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

/**
 * An inbound mapping granted by a gateway.
 *
 * @param mapper          the protocol that obtained it
 * @param transport       UDP or TCP
 * @param internalPort    the port on this host
 * @param externalAddress the gateway's public address
 * @param externalPort    the port on the public address
 * @param lifetime        the lifetime the gateway granted ({@link Duration#ZERO} for a permanent lease)
 * @param grantedAt       when the gateway granted it
 */
public record PortMapping(MapperProtocol mapper, TransportProtocol transport, int internalPort, InetAddress externalAddress,
        int externalPort, Duration lifetime, Instant grantedAt) {

    /** When the mapping ends unless renewed; {@link Instant#MAX} for a permanent one. */
    public Instant expiresAt() {
        return lifetime.isZero() ? Instant.MAX : grantedAt.plus(lifetime);
    }

    /**
     * {@code UDP 203.0.113.7:4500 -> port 4500 via pcp}, as the shell and the console show it.
     *
     * @since 1.1
     */
    public String text() {
        return transport + " " + externalAddress.getHostAddress() + ":" + externalPort + " -> port " + internalPort
                + " via " + mapper.text();
    }

    /**
     * {@code permanent}, or {@code expires <instant> unless renewed}.
     *
     * @since 1.1
     */
    public String expiryText() {
        Instant end = expiresAt();
        return end.equals(Instant.MAX) ? "permanent" : "expires " + end + " unless renewed";
    }
}
