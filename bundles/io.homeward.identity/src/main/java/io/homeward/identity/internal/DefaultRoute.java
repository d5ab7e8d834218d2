package io.homeward.identity.internal;

import java.util.Optional;

/**
 * Finds the interface of the IPv4 default route in the text of Linux {@code /proc/net/route}:
 * columns Iface, Destination, Gateway, Flags, RefCnt, Use, Metric, Mask…, hex fields.
 */
final class DefaultRoute {
    private static final int RTF_UP = 0x1;

    private DefaultRoute() {
    }

    /** The interface of the usable default route with the lowest metric, if any. */
    static Optional<String> interfaceIn(String routeTable) {
        String best = null;
        long bestMetric = Long.MAX_VALUE;
        String[] lines = routeTable.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 8 || !isDefault(f)) {
                continue;
            }
            long metric = parseLong(f[6], 10);
            if (metric < bestMetric) {
                best = f[0];
                bestMetric = metric;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isDefault(String[] f) {
        return "00000000".equals(f[1]) && "00000000".equals(f[7]) && (parseLong(f[3], 16) & RTF_UP) != 0;
    }

    /** A malformed number makes the line unusable rather than the whole table. */
    private static long parseLong(String text, int radix) {
        try {
            return Long.parseLong(text, radix);
        } catch (NumberFormatException e) {
            return radix == 16 ? 0 : Long.MAX_VALUE;
        }
    }
}
