package io.homeward.portmap.pcp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.homeward.api.portmap.TransportProtocol;

/** NAT-PMP messages against hex examples laid out by hand from RFC 6886 §3. */
class NatPmpMessagesTest {

    @Test
    void externalAddressRequestIsTwoZeroBytes() {
        assertArrayEquals(Samples.bytes("00 00"), NatPmpMessages.externalAddressRequest());
    }

    @Test
    void externalAddressResponseGivesAddressAndEpoch() throws Exception {
        byte[] reply = Samples.bytes("00 80 00 00 00 00 0e 10 cb 00 71 07");
        NatPmpReply parsed = NatPmpMessages.parse(reply, reply.length);
        assertEquals(128, parsed.opcode());
        assertEquals(0, parsed.result());
        assertEquals(3600, parsed.epoch());
        assertEquals(Samples.address("203.0.113.7"), parsed.externalAddress());
    }

    @Test
    void udpMappingRequestMatchesTheExample() {
        assertArrayEquals(Samples.bytes("00 01 00 00 11 94 11 94 00 00 1c 20"),
                NatPmpMessages.mappingRequest(TransportProtocol.UDP, 4500, 4500, 7200));
    }

    @Test
    void mappingResponseGivesPortLifetimeAndEpoch() throws Exception {
        byte[] reply = Samples.bytes("00 81 00 00 00 00 0e 15 11 94 ee 48 00 00 1c 20");
        NatPmpReply parsed = NatPmpMessages.parse(reply, reply.length);
        assertEquals(129, parsed.opcode());
        assertEquals(3605, parsed.epoch());
        assertEquals(4500, parsed.internalPort());
        assertEquals(61000, parsed.externalPort());
        assertEquals(7200, parsed.lifetime());
    }

    @Test
    void deleteRequestAndReplyMatchTheExample() throws Exception {
        assertArrayEquals(Samples.bytes("00 01 00 00 11 94 00 00 00 00 00 00"),
                NatPmpMessages.mappingRequest(TransportProtocol.UDP, 4500, 0, 0));
        byte[] reply = Samples.bytes("00 81 00 00 00 00 0e 74 11 94 00 00 00 00 00 00");
        NatPmpReply parsed = NatPmpMessages.parse(reply, reply.length);
        assertEquals(0, parsed.lifetime());
        assertEquals(0, parsed.externalPort());
    }

    @Test
    void shortenedErrorReplyKeepsItsResult() throws Exception {
        byte[] reply = Samples.bytes("00 81 00 03 00 00 00 05");
        NatPmpReply parsed = NatPmpMessages.parse(reply, reply.length);
        assertEquals(3, parsed.result());
        assertEquals(5, parsed.epoch());
        assertNull(parsed.externalAddress());
    }

    @Test
    void tooShortOversizedAndRequestsAreRejected() {
        byte[] three = Samples.bytes("00 80 00");
        assertTrue(assertThrows(MalformedPacketException.class, () -> NatPmpMessages.parse(three, 3)).getMessage()
                .contains("too short"));
        byte[] truncated = Samples.bytes("00 81 00 00 00 00 0e 15 11 94");
        assertThrows(MalformedPacketException.class, () -> NatPmpMessages.parse(truncated, truncated.length));
        byte[] oversized = Samples.bytes("00 80 00 00 00 00 0e 10 cb 00 71 07 00 00 00 00");
        assertTrue(assertThrows(MalformedPacketException.class, () -> NatPmpMessages.parse(oversized, oversized.length))
                .getMessage().contains("longer"));
        byte[] request = Samples.bytes("00 01 00 00 11 94 11 94 00 00 1c 20");
        assertTrue(assertThrows(MalformedPacketException.class, () -> NatPmpMessages.parse(request, request.length))
                .getMessage().contains("request"));
    }
}
