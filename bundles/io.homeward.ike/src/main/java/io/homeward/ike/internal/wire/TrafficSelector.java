package io.homeward.ike.internal.wire;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * One traffic selector (RFC 7296 §3.13.1): an address range of one family, an IP protocol (0 for any) and a port
 * range (0 to 65535 for any).
 */
public record TrafficSelector(int ipProtocol, int startPort, int endPort, InetAddress start, InetAddress end) {
    public static final int TS_IPV4_ADDR_RANGE = 7;
    public static final int TS_IPV6_ADDR_RANGE = 8;

    public TrafficSelector {
        if (start.getClass() != end.getClass()) {
            throw new IllegalArgumentException("a traffic selector's addresses are of one family");
        }
    }

    /** One address, every protocol and port: what a BTMM tunnel carries between two ULAs. */
    public static TrafficSelector host(Inet6Address address) {
        return new TrafficSelector(0, 0, 0xFFFF, address, address);
    }

    public int tsType() {
        return start instanceof Inet6Address ? TS_IPV6_ADDR_RANGE : TS_IPV4_ADDR_RANGE;
    }

    int length() {
        return 8 + 2 * start.getAddress().length;
    }

    void write(ByteBuffer out) {
        out.put((byte) tsType()).put((byte) ipProtocol).putShort((short) length()).putShort((short) startPort)
                .putShort((short) endPort).put(start.getAddress()).put(end.getAddress());
    }

    static TrafficSelector read(WireReader in) throws IkeFormatException {
        int type = in.u8("TS type");
        int protocol = in.u8("TS IP protocol");
        int length = in.u16("TS selector length");
        int addressLength = switch (type) {
            case TS_IPV4_ADDR_RANGE -> 4;
            case TS_IPV6_ADDR_RANGE -> 16;
            default -> throw new IkeFormatException(NotifyType.TS_UNACCEPTABLE, new byte[0],
                    "traffic selector type " + type + " is not an address range");
        };
        if (length != 8 + 2 * addressLength) {
            throw new IkeFormatException("traffic selector of type " + type + " with length " + length);
        }
        int startPort = in.u16("TS start port");
        int endPort = in.u16("TS end port");
        try {
            return new TrafficSelector(protocol, startPort, endPort,
                    address(in.bytes(addressLength, "TS starting address")),
                    address(in.bytes(addressLength, "TS ending address")));
        } catch (UnknownHostException impossible) {
            throw new IkeFormatException("traffic selector address: " + impossible.getMessage());
        }
    }

    /** IPv6 stays IPv6 even for an IPv4-mapped address, which InetAddress.getByAddress would turn into IPv4. */
    private static InetAddress address(byte[] octets) throws UnknownHostException {
        return octets.length == 16 ? Inet6Address.getByAddress(null, octets, -1) : InetAddress.getByAddress(octets);
    }
}
