package io.homeward.portmap.pcp.internal.mapping;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * IPv4 ranges that are not reachable from the Internet (RFC 6890 special-purpose registry). A host
 * whose own address is in one sits behind a NAT; a gateway whose "public" address is in one sits
 * behind another NAT, so a mapping on it cannot bring Internet traffic in.
 */
final class AddressRanges {
    private record Range(int network, int prefix, String description) {
        boolean contains(int address) {
            int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
            return (address & mask) == (network & mask);
        }
    }

    private static final List<Range> NOT_REACHABLE = List.of(
            new Range(0x00000000, 8, "'this network' (RFC 6890)"),
            new Range(0x0A000000, 8, "private (RFC 1918)"),
            new Range(0x64400000, 10, "carrier-grade NAT shared space (RFC 6598)"),
            new Range(0x7F000000, 8, "loopback"),
            new Range(0xA9FE0000, 16, "link-local (RFC 3927)"),
            new Range(0xAC100000, 12, "private (RFC 1918)"),
            new Range(0xC0000000, 24, "IETF protocol assignments (RFC 6890)"),
            new Range(0xC0A80000, 16, "private (RFC 1918)"),
            new Range(0xC6120000, 15, "benchmarking (RFC 2544)"),
            new Range(0xE0000000, 4, "multicast"),
            new Range(0xF0000000, 4, "reserved (RFC 1112)"));

    private AddressRanges() {
    }

    /** Why the address cannot be reached from the Internet, or empty when it can (IPv6 counts as reachable). */
    static Optional<String> unreachableReason(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        int value = (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        return NOT_REACHABLE.stream().filter(r -> r.contains(value)).map(Range::description).findFirst();
    }
}
