package io.homeward.watcher.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.api.watch.WatchedRecord;
import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.watcher.internal.Hex;

/** An LLQ setup, ACK and event (RFC 8764) worked byte by byte, as test vectors. */
public class LlqWireTest {
    public static final Name QUESTION = Name.fromConstantString("_afpovertcp._tcp.alice.btmm.example.");
    static final long LLQ_ID = 0x65F1A2B31C2D3E4FL;
    static final String QUESTION_HEX = "0b 5f 61 66 70 6f 76 65 72 74 63 70 04 5f 74 63 70 05 61 6c"
            + "69 63 65 04 62 74 6d 6d 07 65 78 61 6d 70 6c 65 00 00 0c 00 01";
    static final String SETUP_REQUEST = "12 34 01 00 00 01 00 00 00 00 00 01" + QUESTION_HEX
            + "00 00 29 05 a0 00 00 00 00 00 16 00 01 00 12 00 01 00 01 00 00 00 00 00 00 00 00 00 00 00 00 1c 20";
    static final String ACK_ANSWERS = """
            12 34 84 00 00 01 00 01 00 00 00 01 0b 5f 61 66
            70 6f 76 65 72 74 63 70 04 5f 74 63 70 05 61 6c
            69 63 65 04 62 74 6d 6d 07 65 78 61 6d 70 6c 65
            00 00 0c 00 01 0b 5f 61 66 70 6f 76 65 72 74 63
            70 04 5f 74 63 70 05 61 6c 69 63 65 04 62 74 6d
            6d 07 65 78 61 6d 70 6c 65 00 00 0c 00 01 00 00
            11 94 00 2f 09 61 6c 69 63 65 2d 6d 62 70 0b 5f
            61 66 70 6f 76 65 72 74 63 70 04 5f 74 63 70 05
            61 6c 69 63 65 04 62 74 6d 6d 07 65 78 61 6d 70
            6c 65 00 00 00 29 05 a0 00 00 00 00 00 16 00 01
            00 12 00 01 00 01 00 00 65 f1 a2 b3 1c 2d 3e 4f
            00 00 0e 10
            """;
    static final String EVENT_ACK = "be ef 84 00 00 01 00 00 00 00 00 01" + QUESTION_HEX
            + "00 00 29 05 a0 00 00 00 00 00 16 00 01 00 12 00 01 00 03 00 00 65 f1 a2 b3 1c 2d 3e 4f 00 00 0d ac";

    /** The remove event: the ACK's layout with ID beef, TTL -1, opcode EVENT, lease 3500. */
    static byte[] removeEvent() {
        byte[] event = Hex.bytes(ACK_ANSWERS);
        event[0] = (byte) 0xbe;
        event[1] = (byte) 0xef;
        for (int i = 0x5e; i <= 0x61; i++) {
            event[i] = (byte) 0xff;
        }
        event[0xa5] = 3;
        event[0xb2] = 0x0d;
        event[0xb3] = (byte) 0xac;
        return event;
    }

    @Test
    void setupRequestMatchesTheExample() {
        Message setup = LlqMessages.request(0x1234, QUESTION, Type.PTR, LlqOption.of(LlqOption.SETUP, 0, 7200));
        assertEquals(Hex.of(Hex.bytes(SETUP_REQUEST)), Hex.of(setup.toWire()));
    }

    @Test
    void challengeResponseCarriesTheServersIdAndLease() {
        Message response = LlqMessages.request(0x1234, QUESTION, Type.PTR,
                LlqOption.of(LlqOption.SETUP, LLQ_ID, 3600));
        byte[] expected = Hex.bytes(SETUP_REQUEST);
        byte[] idAndLease = Hex.bytes("65 f1 a2 b3 1c 2d 3e 4f 00 00 0e 10");
        System.arraycopy(idAndLease, 0, expected, 0x4A, idAndLease.length);
        assertArrayEquals(expected, response.toWire());
    }

    @Test
    void ackWithAnswersParses() throws Exception {
        byte[] wire = Hex.bytes(ACK_ANSWERS);
        Message ack = new Message(wire);
        assertEquals(new LlqOption(1, LlqOption.SETUP, 0, LLQ_ID, 3600), LlqOption.find(ack).orElse(null));
        assertArrayEquals(new long[] {4500}, RawTtls.answers(wire));
        WatchedRecord answer = Records.watched(ack.getSection(Section.ANSWER).get(0), 4500);
        assertEquals(new WatchedRecord("_afpovertcp._tcp.alice.btmm.example.", Type.PTR, 4500,
                "alice-mbp._afpovertcp._tcp.alice.btmm.example."), answer);
    }

    @Test
    void removeEventIsRecognisedAndAcknowledgedAsInTheExample() throws Exception {
        byte[] wire = removeEvent();
        Message event = new Message(wire);
        LlqOption option = LlqOption.find(event).orElse(null);
        assertEquals(new LlqOption(1, LlqOption.EVENT, 0, LLQ_ID, 3500), option);
        assertArrayEquals(new long[] {RawTtls.REMOVE}, RawTtls.answers(wire));
        assertEquals(Hex.of(Hex.bytes(EVENT_ACK)), Hex.of(LlqMessages.acknowledgement(event, option).toWire()));
    }

    @Test
    void truncatedMessagesAreRejected() {
        byte[] wire = Hex.bytes(ACK_ANSWERS);
        byte[] cut = java.util.Arrays.copyOf(wire, 0x50);
        assertThrows(IllegalArgumentException.class, () -> RawTtls.answers(cut));
    }
}
