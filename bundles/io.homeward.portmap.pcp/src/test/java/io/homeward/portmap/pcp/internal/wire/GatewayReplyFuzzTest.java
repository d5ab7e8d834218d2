package io.homeward.portmap.pcp.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any datagram from the gateway's port, in the receive buffer the way the mapper gets it, read as a NAT-PMP answer
 * (RFC 6886 §3) and as a PCP answer (RFC 6887 §7.2, §11.4): each parser gives a reply or throws
 * {@link MalformedPacketException}, and a reply it gives holds what its success promises.
 */
class GatewayReplyFuzzTest {
    private static final int RECEIVE_BUFFER = 1500;

    @FuzzTest(maxDuration = "10s")
    void aDatagramIsAReplyOrMalformed(byte[] datagram) {
        if (datagram.length > RECEIVE_BUFFER) {
            return;
        }
        byte[] buffer = new byte[RECEIVE_BUFFER];
        System.arraycopy(datagram, 0, buffer, 0, datagram.length);
        try {
            NatPmpReply reply = NatPmpMessages.parse(buffer, datagram.length);
            assertTrue(reply.opcode() >= PcpConstants.RESPONSE_BIT);
            if (reply.result() == 0 && reply.opcode() == PcpConstants.RESPONSE_BIT) {
                assertNotNull(reply.externalAddress());
            }
        } catch (MalformedPacketException refused) {
            // documented: a datagram that is no NAT-PMP answer
        }
        try {
            PcpReply reply = PcpMessages.parse(buffer, datagram.length);
            if (reply.hasMapData()) {
                assertEquals(PcpMessages.NONCE_LENGTH, reply.nonce().length);
                assertNotNull(reply.externalAddress());
            }
        } catch (MalformedPacketException refused) {
            // documented: a datagram that is no PCP answer
        }
    }
}
