package io.homeward.tun.linux.internal;

import java.net.Inet6Address;
import java.nio.ByteBuffer;

/** Builds and reads IPv6/UDP packets (RFC 8200 §3, RFC 768) for tests that put packets through a real TUN. */
final class Udp6 {
    static final int HEADER = 40;
    static final int UDP = 17;

    private Udp6() {
    }

    static ByteBuffer packet(Inet6Address from, int fromPort, Inet6Address to, int toPort, byte[] payload) {
        int udpLength = 8 + payload.length;
        ByteBuffer p = ByteBuffer.allocate(HEADER + udpLength);
        p.putInt(0x6000_0000).putShort((short) udpLength).put((byte) UDP).put((byte) 64);
        p.put(from.getAddress()).put(to.getAddress());
        p.putShort((short) fromPort).putShort((short) toPort).putShort((short) udpLength).putShort((short) 0);
        p.put(payload);
        p.putShort(HEADER + 6, (short) checksum(p.array(), udpLength));
        return p.flip();
    }

    /** RFC 8200 §8.1: the UDP checksum covers a pseudo-header of both addresses, the length and the protocol. */
    private static int checksum(byte[] packet, int udpLength) {
        long sum = udpLength + UDP;
        for (int i = 8; i < HEADER; i += 2) {
            sum += word(packet, i, HEADER + udpLength);
        }
        for (int i = HEADER; i < HEADER + udpLength; i += 2) {
            sum += word(packet, i, HEADER + udpLength);
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        int result = (int) ~sum & 0xFFFF;
        return result == 0 ? 0xFFFF : result;
    }

    private static int word(byte[] b, int i, int end) {
        return ((b[i] & 0xFF) << 8) | (i + 1 < end ? b[i + 1] & 0xFF : 0);
    }

    static boolean isUdpTo(ByteBuffer packet, int length, Inet6Address to, int toPort) {
        if (length < HEADER + 8 || (packet.get(0) & 0xF0) != 0x60 || packet.get(6) != UDP) {
            return false;
        }
        byte[] destination = new byte[16];
        packet.get(24, destination);
        return java.util.Arrays.equals(destination, to.getAddress()) && (packet.getShort(HEADER + 2) & 0xFFFF) == toPort;
    }
}
