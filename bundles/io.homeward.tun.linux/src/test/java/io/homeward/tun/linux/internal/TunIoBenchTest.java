package io.homeward.tun.linux.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The benchmark's echo must produce replies ping accepts, or it would measure nothing. */
class TunIoBenchTest {

    @Test
    void anEchoRequestBecomesAReplyWithSwappedAddressesAndAValidChecksum() throws Exception {
        byte[] host = InetAddress.getByName(TunIoBench.OURS).getAddress();
        byte[] peer = InetAddress.getByName(TunIoBench.PEER).getAddress();
        byte[] packet = echoRequest(host, peer);
        assertEquals(0xFFFF, onesComplementSum(packet), "the request itself is valid");

        assertTrue(TunIoBench.toReply(packet, packet.length));

        assertEquals(129, packet[40] & 0xFF);
        assertArrayEquals(peer, Arrays.copyOfRange(packet, 8, 24));
        assertArrayEquals(host, Arrays.copyOfRange(packet, 24, 40));
        assertEquals(0xFFFF, onesComplementSum(packet));
    }

    @Test
    void otherPacketsAreLeftAlone() throws Exception {
        byte[] packet = echoRequest(new byte[16], new byte[16]);
        packet[40] = (byte) 143;
        byte[] before = packet.clone();
        assertFalse(TunIoBench.toReply(packet, packet.length));
        assertArrayEquals(before, packet);
    }

    private static byte[] echoRequest(byte[] from, byte[] to) {
        ByteBuffer p = ByteBuffer.allocate(40 + 16);
        p.putInt(0x6000_0000).putShort((short) 16).put((byte) 58).put((byte) 64).put(from).put(to);
        p.put((byte) 128).put((byte) 0).putShort((short) 0).putShort((short) 0x1234).putShort((short) 1);
        p.putLong(0x0102_0304_0506_0708L);
        byte[] bytes = p.array();
        int checksum = ~onesComplementSum(bytes) & 0xFFFF;
        bytes[42] = (byte) (checksum >>> 8);
        bytes[43] = (byte) checksum;
        return bytes;
    }

    /** RFC 4443 §2.3: the ones' complement sum over the pseudo-header and the message; 0xFFFF when valid. */
    private static int onesComplementSum(byte[] p) {
        long sum = (p.length - 40) + 58;
        for (int i = 8; i < p.length; i += 2) {
            sum += ((p[i] & 0xFF) << 8) | (p[i + 1] & 0xFF);
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) sum;
    }
}
