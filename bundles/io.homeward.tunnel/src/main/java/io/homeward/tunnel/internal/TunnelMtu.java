package io.homeward.tunnel.internal;

import io.homeward.api.crypto.CryptoSuite;

/** The MTU to give the TUN device so sealed packets fit the outer path (RFC 4303 §2, RFC 3948 §2.1). */
final class TunnelMtu {
    /** The minimum link MTU of IPv6 (RFC 8200 §5). */
    static final int IPV6_MINIMUM = 1280;
    /** The minimum MTU of IPv4 (RFC 791). */
    static final int IPV4_MINIMUM = 68;
    private static final int IPV4_HEADER = 20;
    private static final int UDP_HEADER = 8;
    private static final int WORST_CASE_ALIGNMENT = 3;

    private TunnelMtu() {
    }

    /**
     * The inner MTU for an outer IPv4 path MTU: outer − IPv4 − UDP − SPI and sequence number − IV − Pad Length
     * and Next Header − worst-case alignment padding − ICV. Never below 1280, which IPv6 requires (RFC 8200 §5): on
     * a narrower path the outer IPv4 packet is then fragmented (sent without DF) rather than the inner packet dropped.
     *
     * @throws IllegalArgumentException if {@code outerMtu} is below the IPv4 minimum of 68
     */
    static int inner(int outerMtu, CryptoSuite suite) {
        if (outerMtu < IPV4_MINIMUM) {
            throw new IllegalArgumentException("an IPv4 path MTU is at least " + IPV4_MINIMUM + ", got " + outerMtu);
        }
        int overhead = IPV4_HEADER + UDP_HEADER + Esp.HEADER + suite.ivLength() + Esp.TRAILER + WORST_CASE_ALIGNMENT
                + suite.icvLength();
        return Math.max(IPV6_MINIMUM, outerMtu - overhead);
    }
}
