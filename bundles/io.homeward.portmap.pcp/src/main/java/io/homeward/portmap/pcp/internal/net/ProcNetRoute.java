package io.homeward.portmap.pcp.internal.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads the default IPv4 gateway from the text of Linux's {@code /proc/net/route}: the first
 * up route with destination and mask 0 and the gateway flag. Addresses there are hex in host
 * (little-endian on x86 and ARM) byte order.
 */
final class ProcNetRoute {
    private static final int RTF_UP = 0x1;
    private static final int RTF_GATEWAY = 0x2;

    private ProcNetRoute() {
    }

    static Optional<InetAddress> defaultGateway(String table) {
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 8) {
                continue;
            }
            try {
                int flags = Integer.parseInt(f[3], 16);
                boolean isDefault = "00000000".equals(f[1]) && "00000000".equals(f[7]);
                if (isDefault && (flags & RTF_UP) != 0 && (flags & RTF_GATEWAY) != 0) {
                    return Optional.of(littleEndian(f[2]));
                }
            } catch (NumberFormatException | UnknownHostException e) {
                // A line this parser does not understand is not a default route.
            }
        }
        return Optional.empty();
    }

    private static InetAddress littleEndian(String hex) throws UnknownHostException {
        long value = Long.parseLong(hex, 16);
        byte[] address = {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
        return InetAddress.getByAddress(address);
    }
}
