package io.homeward.portmap.internal;

import java.net.InetAddress;

/** Where an IPv4 address can be reached from. */
enum AddressClass {
    /** RFC 1918: behind a NAT. */
    PRIVATE,
    /** RFC 6598 100.64.0.0/10: behind a carrier-grade NAT. */
    SHARED,
    /** Loopback, link-local or unspecified: not an address of a network. */
    LOCAL,
    /** Anything else: reachable from the internet (unless a firewall says no). */
    PUBLIC;

    static AddressClass of(InetAddress address) {
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()) {
            return LOCAL;
        }
        if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168) {
            return PRIVATE;
        }
        return first == 100 && (second & 0xc0) == 64 ? SHARED : PUBLIC;
    }

    boolean behindNat() {
        return this == PRIVATE || this == SHARED;
    }
}
