package io.homeward.kit.dns.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** DSO messages (RFC 8490) and the DNS Push TLVs (RFC 8765) against hand-checked bytes. */
class DsoMessageTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Name QUESTION = Name.fromConstantString("_afpovertcp._tcp.alice.btmm.example.");
    private static final String SUBSCRIBE = "000230000000000000000000" + "00400029"
            + "0b5f6166706f766572746370045f74637005616c6963650462746d6d076578616d706c6500" + "000c0001";

    @Test
    void aKeepaliveRequestIsTheHeaderAndOneTlv() {
        assertEquals("000130000000000000000000" + "0001000800003a9800003a98",
                HEX.formatHex(DsoMessage.keepalive(1, 15_000, 15_000).toWire()));
    }

    @Test
    void subscribeAndUnsubscribeCarryTheQuestionAndTheSubscriptionId() {
        assertEquals(SUBSCRIBE, HEX.formatHex(DsoMessage.subscribe(2, QUESTION, Type.PTR, DClass.IN).toWire()));
        DsoMessage unsubscribe = DsoMessage.unsubscribe(2);
        assertEquals("000030000000000000000000" + "004200020002", HEX.formatHex(unsubscribe.toWire()));
        assertEquals(2, unsubscribe.tlvs().get(0).subscriptionId());
    }

    @Test
    void everyMessageSurvivesTheRoundTrip() {
        List<DsoMessage> messages = List.of(DsoMessage.keepalive(1, 15_000, 60_000),
                DsoMessage.subscribe(7, QUESTION, Type.ANY, DClass.ANY), DsoMessage.unsubscribe(7),
                DsoMessage.unidirectional(new DsoMessage.Tlv(DsoMessage.PUSH, new byte[] {1, 2, 3})),
                DsoMessage.reply(9, Rcode.SERVFAIL, List.of(DsoMessage.Tlv.retryDelay(10_000))),
                DsoMessage.reply(0xffff, DsoMessage.DSOTYPENI, List.of()));
        for (DsoMessage message : messages) {
            assertEquals(message, DsoMessage.parse(message.toWire()));
            assertTrue(DsoMessage.isDso(message.toWire()));
        }
    }

    @Test
    void aResponseTellsItsRcodeAndTimers() {
        DsoMessage response = DsoMessage.parse(HEX.parseHex("0001b0000000000000000000" + "00010008000927c00000ea60"));
        assertTrue(response.response());
        assertEquals(1, response.id());
        assertEquals(DsoMessage.KEEPALIVE, response.primaryType());
        DsoMessage.Tlv keepalive = response.first(DsoMessage.KEEPALIVE);
        assertEquals(600_000, keepalive.inactivityTimeoutMillis());
        assertEquals(60_000, keepalive.keepaliveIntervalMillis());
        assertNull(response.first(DsoMessage.RETRY_DELAY));

        DsoMessage bare = DsoMessage.parse(HEX.parseHex("0002b0000000000000000000"));
        assertEquals(-1, bare.primaryType());
        assertEquals(Rcode.NOERROR, bare.rcode());
        assertEquals(0xfffffffeL, DsoMessage.Tlv.retryDelay(0xfffffffeL).retryDelayMillis(), "unsigned 32 bits");
    }

    @Test
    void malformedMessagesAreRefusedWithTheReason() {
        assertEquals("a DSO message shorter than a DNS header", refused("0001b000"));
        assertEquals("not a DSO message (opcode 0)", refused("000100000000000000000000"));
        assertEquals("a DSO message with records in its sections (RFC 8490 §5.4)",
                refused("000230000001000000000000"));
        assertEquals("a DSO TLV cut off in its type or length", refused("000230000000000000000000" + "004000"));
        assertEquals("a DSO TLV of type 64 claims 41 bytes, 2 are left",
                refused("000230000000000000000000" + "00400029" + "0b5f"));
        assertFalse(DsoMessage.isDso(HEX.parseHex("000100000000000000000000")));
        assertFalse(DsoMessage.isDso(HEX.parseHex("00013000")));
    }

    @Test
    void aTlvOfTheWrongTypeOrLengthIsNotRead() {
        DsoMessage.Tlv shortKeepalive = new DsoMessage.Tlv(DsoMessage.KEEPALIVE, new byte[4]);
        assertEquals("a Keepalive TLV of 4 bytes (8 expected)",
                assertThrows(IllegalArgumentException.class, shortKeepalive::keepaliveIntervalMillis).getMessage());
        assertEquals("a DSO TLV of type 1 is not a Retry Delay TLV",
                assertThrows(IllegalArgumentException.class, shortKeepalive::retryDelayMillis).getMessage());
        assertEquals("an UNSUBSCRIBE TLV of 3 bytes (2 expected)", assertThrows(IllegalArgumentException.class,
                () -> new DsoMessage.Tlv(DsoMessage.UNSUBSCRIBE, new byte[3]).subscriptionId()).getMessage());
    }

    @Test
    void tlvsAreEqualByContent() {
        assertEquals(new DsoMessage.Tlv(DsoMessage.PUSH, new byte[] {1, 2}),
                new DsoMessage.Tlv(DsoMessage.PUSH, new byte[] {1, 2}));
        assertEquals("Tlv[type=65, data=0102]", new DsoMessage.Tlv(DsoMessage.PUSH, new byte[] {1, 2}).toString());
    }

    private static String refused(String hex) {
        return assertThrows(IllegalArgumentException.class, () -> DsoMessage.parse(HEX.parseHex(hex))).getMessage();
    }
}
