package io.homeward.api.sa;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * What an installed SA pair has done.
 *
 * @param peer        the peer's ULA
 * @param inboundSpi  inbound SPI
 * @param outboundSpi outbound SPI
 * @param suite       crypto suite name
 * @param endpoint    the peer's current outer endpoint
 * @param packetsIn   packets accepted from the peer
 * @param bytesIn     inner bytes accepted from the peer
 * @param packetsOut  packets sent to the peer
 * @param bytesOut    inner bytes sent to the peer
 * @param drops       packets dropped, by reason (every reason, zero included)
 */
public record SaStatus(Inet6Address peer, int inboundSpi, int outboundSpi, String suite, InetSocketAddress endpoint,
        long packetsIn, long bytesIn, long packetsOut, long bytesOut, Map<DropReason, Long> drops) {

    public SaStatus {
        drops = Map.copyOf(drops);
    }
}
