package io.homeward.portmap.pcp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.homeward.api.portmap.TransportProtocol;

/** PCP messages against hex examples laid out by hand from RFC 6887 §7 and §11. */
class PcpMessagesTest {
    static final byte[] NONCE = Samples.bytes("a1 b2 c3 d4 e5 f6 07 18 29 3a 4b 5c");

    @Test
    void mapRequestMatchesTheExample() {
        byte[] expected = Samples.bytes("""
                0000  02 01 00 00 00 00 1c 20 00 00 00 00 00 00 00 00
                0010  00 00 ff ff c0 a8 01 0a a1 b2 c3 d4 e5 f6 07 18
                0020  29 3a 4b 5c 11 00 00 00 11 94 11 94 00 00 00 00
                0030  00 00 00 00 00 00 ff ff 00 00 00 00
                """);
        assertArrayEquals(expected, PcpMessages.mapRequest(7200, Samples.address("192.168.1.10"), NONCE,
                TransportProtocol.UDP, 4500, 4500, null));
    }

    @Test
    void mapResponseGivesTheAssignedEndpoint() throws Exception {
        byte[] reply = Samples.bytes(Samples.PCP_MAP_RESPONSE);
        PcpReply parsed = PcpMessages.parse(reply, reply.length);
        assertEquals(PcpMessages.OP_MAP, parsed.opcode());
        assertEquals(0, parsed.result());
        assertEquals(7200, parsed.lifetime());
        assertEquals(3605, parsed.epoch());
        assertArrayEquals(NONCE, parsed.nonce());
        assertEquals(17, parsed.protocol());
        assertEquals(4500, parsed.internalPort());
        assertEquals(61000, parsed.externalPort());
        assertEquals(Samples.address("203.0.113.7"), parsed.externalAddress());
    }

    @Test
    void announceResponseHasNoMapData() throws Exception {
        byte[] announce = Samples.bytes("02 80 00 00 00 00 00 00 00 00 00 07 00 00 00 00 00 00 00 00 00 00 00 00");
        PcpReply parsed = PcpMessages.parse(announce, announce.length);
        assertEquals(PcpMessages.OP_ANNOUNCE, parsed.opcode());
        assertEquals(7, parsed.epoch());
        assertFalse(parsed.hasMapData());
    }

    @Test
    void badLengthsAndRequestsAreRejected() {
        byte[] reply = Samples.bytes(Samples.PCP_MAP_RESPONSE);
        assertTrue(assertThrows(MalformedPacketException.class, () -> PcpMessages.parse(reply, 20)).getMessage()
                .contains("too short"));
        assertTrue(assertThrows(MalformedPacketException.class, () -> PcpMessages.parse(reply, 58)).getMessage()
                .contains("multiple of 4"));
        assertTrue(assertThrows(MalformedPacketException.class, () -> PcpMessages.parse(reply, 56)).getMessage()
                .contains("successful MAP"));
        byte[] huge = Arrays.copyOf(reply, 1104);
        assertTrue(assertThrows(MalformedPacketException.class, () -> PcpMessages.parse(huge, huge.length)).getMessage()
                .contains("1100"));
        byte[] request = PcpMessages.mapRequest(7200, Samples.address("192.168.1.10"), NONCE, TransportProtocol.UDP,
                4500, 4500, null);
        assertTrue(assertThrows(MalformedPacketException.class, () -> PcpMessages.parse(request, request.length))
                .getMessage().contains("request"));
    }
}
