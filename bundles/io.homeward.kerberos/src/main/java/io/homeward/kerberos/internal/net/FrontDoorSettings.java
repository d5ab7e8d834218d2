package io.homeward.kerberos.internal.net;

import java.time.Duration;

/**
 * The front door's bounds.
 *
 * @param port             where to listen, TCP and UDP (88, RFC 4120 §7.2.3); 0 picks free ports (tests)
 * @param maxMessageBytes  the longest request read (a TCP length prefix over it is refused, a longer datagram dropped)
 * @param maxUdpReplyBytes the longest answer sent in a datagram; a longer one is replaced with RESPONSE_TOO_BIG
 * @param maxConnections   TCP connections open at once over all addresses; more are closed when accepted
 * @param idleTimeout      how long a TCP connection may take to send a whole request, from its opening or the
 *                         previous answer, before it is closed
 */
public record FrontDoorSettings(int port, int maxMessageBytes, int maxUdpReplyBytes, int maxConnections,
        Duration idleTimeout) {
    /** Port 88; 64 KiB requests; 4096-byte datagram answers (MIT's {@code kdc_max_dgram_reply_size}); 32; 15 s. */
    public static final FrontDoorSettings DEFAULTS = new FrontDoorSettings(88, 64 * 1024, 4096, 32,
            Duration.ofSeconds(15));

    /** The largest UDP payload (65,535 minus the IPv4 and UDP headers). */
    static final int MAX_DATAGRAM = 65_507;

    public FrontDoorSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the KDC port must be 0 to 65535, not " + port);
        }
        if (maxMessageBytes < 1_024 || maxMessageBytes > 16 * 1024 * 1024) {
            throw new IllegalArgumentException(
                    "the longest KDC request must be 1 KiB to 16 MiB, not " + maxMessageBytes);
        }
        if (maxUdpReplyBytes < 512 || maxUdpReplyBytes > MAX_DATAGRAM) {
            throw new IllegalArgumentException("the longest KDC answer over UDP must be 512 to " + MAX_DATAGRAM
                    + " bytes, not " + maxUdpReplyBytes);
        }
        if (maxConnections < 1 || maxConnections > 1_024) {
            throw new IllegalArgumentException("the KDC's TCP connections must be 1 to 1024, not " + maxConnections);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("the KDC's TCP idle time must be above 0 and at most 10 min, not "
                    + idleTimeout);
        }
    }
}
