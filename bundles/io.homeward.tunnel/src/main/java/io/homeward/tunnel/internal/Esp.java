package io.homeward.tunnel.internal;

/** ESP and inner IPv6 constants (RFC 4303 §2, RFC 8200 §3). */
final class Esp {
    /** SPI and low 32 bits of the sequence number. */
    static final int HEADER = 8;
    /** Pad Length and Next Header after the padding. */
    static final int TRAILER = 2;
    /** Next Header of a tunnelled IPv6 packet. */
    static final int NEXT_HEADER_IPV6 = 41;
    /** Next Header of a dummy (traffic flow confidentiality) packet, discarded after verification (RFC 4303 §2.6). */
    static final int NEXT_HEADER_NONE = 59;
    /** SPIs 1..255 are reserved by IANA and 0 is for local use only (RFC 4303 §2.1). */
    static final int FIRST_ASSIGNABLE_SPI = 256;

    static final int IPV6_HEADER = 40;
    static final int IPV6_PAYLOAD_LENGTH = 4;
    static final int IPV6_SOURCE = 8;
    static final int IPV6_DESTINATION = 24;
    static final int IPV6_ADDRESS = 16;

    private Esp() {
    }

    /** Whether the buffer holds at least an IPv6 header with version 6. */
    static boolean isIpv6(byte[] buf, int offset, int length) {
        return length >= IPV6_HEADER && (buf[offset] & 0xF0) == 0x60;
    }
}
