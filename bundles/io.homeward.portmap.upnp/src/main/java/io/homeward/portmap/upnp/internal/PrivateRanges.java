package io.homeward.portmap.upnp.internal;

import java.net.InetAddress;

/** IPv4 ranges that are never reachable from the internet: RFC 1918 private and RFC 6598 shared (CGNAT). */
final class PrivateRanges {
    private PrivateRanges() {
    }

    static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 4) {
            return false;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168
                || first == 100 && (second & 0xc0) == 64;
    }
}
