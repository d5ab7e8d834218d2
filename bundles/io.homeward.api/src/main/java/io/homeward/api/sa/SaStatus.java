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
 * @param esn         whether the pair uses Extended Sequence Numbers (RFC 4303 §2.2.1)
 * @param sending     whether this pair carries this host's packets to the peer (a peer being rekeyed has other
 *                    pairs that only receive)
 */
public record SaStatus(Inet6Address peer, int inboundSpi, int outboundSpi, String suite, InetSocketAddress endpoint,
        long packetsIn, long bytesIn, long packetsOut, long bytesOut, Map<DropReason, Long> drops, boolean esn,
        boolean sending) {

    public SaStatus {
        drops = Map.copyOf(drops);
    }

    /** A status of a pair with Extended Sequence Numbers, as every SA had before the choice existed. */
    public SaStatus(Inet6Address peer, int inboundSpi, int outboundSpi, String suite, InetSocketAddress endpoint,
            long packetsIn, long bytesIn, long packetsOut, long bytesOut, Map<DropReason, Long> drops) {
        this(peer, inboundSpi, outboundSpi, suite, endpoint, packetsIn, bytesIn, packetsOut, bytesOut, drops, true,
                true);
    }

    /**
     * The status of a peer's only pair.
     *
     * @since 1.2
     */
    public SaStatus(Inet6Address peer, int inboundSpi, int outboundSpi, String suite, InetSocketAddress endpoint,
            long packetsIn, long bytesIn, long packetsOut, long bytesOut, Map<DropReason, Long> drops, boolean esn) {
        this(peer, inboundSpi, outboundSpi, suite, endpoint, packetsIn, bytesIn, packetsOut, bytesOut, drops, esn,
                true);
    }

    /**
     * Whether the pair uses Extended Sequence Numbers (RFC 4303 §2.2.1), as {@link SaSpec#esn()} chose.
     *
     * @since 1.2
     */
    @Override
    public boolean esn() {
        return esn;
    }

    /**
     * Whether this pair carries this host's packets to the peer.
     *
     * @since 1.3
     */
    @Override
    public boolean sending() {
        return sending;
    }
}
