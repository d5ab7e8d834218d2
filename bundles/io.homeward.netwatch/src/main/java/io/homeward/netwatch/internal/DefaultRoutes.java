package io.homeward.netwatch.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Finds the default routes in the kernel's route tables as {@code /proc/net/route} and {@code /proc/net/ipv6_route} show them. */
final class DefaultRoutes {
    /** RTF_UP and RTF_REJECT from linux/route.h: a route that is in use, and one that only refuses. */
    private static final int RTF_UP = 0x0001;
    private static final int RTF_REJECT = 0x0200;
    private static final String ZERO_V6 = "0".repeat(32);

    private DefaultRoutes() {
    }

    /** Lines of {@code /proc/net/route}: Iface Destination Gateway Flags ... Mask, addresses in host (little-endian) hex. */
    static List<String> ipv4(List<String> lines) {
        List<String> routes = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 8 || f[0].equals("Iface") || !f[1].equals("00000000") || !f[7].equals("00000000")) {
                continue;
            }
            int flags = Integer.parseInt(f[3], 16);
            if ((flags & RTF_UP) == 0) {
                continue;
            }
            byte[] le = HexFormat.of().parseHex(f[2]);
            routes.add("via " + (le[3] & 0xff) + "." + (le[2] & 0xff) + "." + (le[1] & 0xff) + "." + (le[0] & 0xff)
                    + " dev " + f[0]);
        }
        return routes;
    }

    /** Lines of {@code /proc/net/ipv6_route}: dest plen src plen next-hop metric refcnt use flags device. */
    static List<String> ipv6(List<String> lines) {
        List<String> routes = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || !f[0].equals(ZERO_V6) || !f[1].equals("00")) {
                continue;
            }
            int flags = Integer.parseInt(f[8], 16);
            if ((flags & RTF_UP) == 0 || (flags & RTF_REJECT) != 0 || f[9].equals("lo")) {
                continue;
            }
            routes.add("via " + v6(f[4]) + " dev " + f[9]);
        }
        return routes;
    }

    private static String v6(String hex) {
        try {
            return AddressText.of(InetAddress.getByAddress(HexFormat.of().parseHex(hex)));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + hex, e);
        }
    }
}
