package io.homeward.watcher.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

import io.homeward.kit.dns.wire.DsoMessage;
import io.homeward.watcher.internal.Hex;

/** DSO messages (RFC 8490) with DNS Push TLVs (RFC 8765) worked byte by byte, as test vectors. */
public class DsoMessageTest {
    public static final Name QUESTION = Name.fromConstantString("_afpovertcp._tcp.alice.btmm.example.");
    static final String SUBSCRIBE = """
            00 02 30 00 00 00 00 00 00 00 00 00 00 40 00 29
            0b 5f 61 66 70 6f 76 65 72 74 63 70 04 5f 74 63
            70 05 61 6c 69 63 65 04 62 74 6d 6d 07 65 78 61
            6d 70 6c 65 00 00 0c 00 01
            """;
    public static final String PUSH_ADD = """
            00 00 30 00 00 00 00 00 00 00 00 00 00 41 00 5e
            0b 5f 61 66 70 6f 76 65 72 74 63 70 04 5f 74 63
            70 05 61 6c 69 63 65 04 62 74 6d 6d 07 65 78 61
            6d 70 6c 65 00 00 0c 00 01 00 00 11 94 00 2f 09
            61 6c 69 63 65 2d 6d 62 70 0b 5f 61 66 70 6f 76
            65 72 74 63 70 04 5f 74 63 70 05 61 6c 69 63 65
            04 62 74 6d 6d 07 65 78 61 6d 70 6c 65 00
            """;

    public static byte[] pushRemove() {
        byte[] remove = Hex.bytes(PUSH_ADD);
        for (int i = 0x39; i <= 0x3c; i++) {
            remove[i] = (byte) 0xff;
        }
        return remove;
    }

    @Test
    void keepaliveRequestMatchesTheExample() {
        assertEquals(Hex.of(Hex.bytes("00 01 30 00 00 00 00 00 00 00 00 00 00 01 00 08 00 00 3a 98 00 00 3a 98")),
                Hex.of(DsoMessage.keepalive(1, 15_000, 15_000).toWire()));
    }

    @Test
    void keepaliveResponseParses() {
        DsoMessage response = DsoMessage.parse(
                Hex.bytes("00 01 b0 00 00 00 00 00 00 00 00 00 00 01 00 08 00 09 27 c0 00 00 ea 60"));
        assertTrue(response.response());
        assertEquals(1, response.id());
        assertEquals(DsoMessage.KEEPALIVE, response.primaryType());
        assertArrayEquals(Hex.bytes("00 09 27 c0 00 00 ea 60"), response.first(DsoMessage.KEEPALIVE).data());
    }

    @Test
    void subscribeAndUnsubscribeMatchTheExamples() {
        assertEquals(Hex.of(Hex.bytes(SUBSCRIBE)),
                Hex.of(DsoMessage.subscribe(2, QUESTION, Type.PTR, DClass.IN).toWire()));
        assertEquals(Hex.of(Hex.bytes("00 00 30 00 00 00 00 00 00 00 00 00 00 42 00 02 00 02")),
                Hex.of(DsoMessage.unsubscribe(2).toWire()));
        DsoMessage response = DsoMessage.parse(Hex.bytes("00 02 b0 00 00 00 00 00 00 00 00 00"));
        assertEquals(-1, response.primaryType());
        assertEquals(0, response.rcode());
    }

    @Test
    void pushAddAndRemoveParse() {
        List<PushChange> adds = PushChange.parse(DsoMessage.parse(Hex.bytes(PUSH_ADD)).tlvs().get(0));
        assertEquals(1, adds.size());
        assertTrue(adds.get(0).isAdd());
        assertEquals(4500, adds.get(0).ttl());
        assertEquals("alice-mbp._afpovertcp._tcp.alice.btmm.example.", adds.get(0).record().rdataToString());
        List<PushChange> removes = PushChange.parse(DsoMessage.parse(pushRemove()).tlvs().get(0));
        assertFalse(removes.get(0).isAdd());
        assertEquals(PushChange.REMOVE, removes.get(0).ttl());
    }

    @Test
    void malformedPushesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> PushChange.parse(new DsoMessage.Tlv(DsoMessage.PUSH, new byte[0])));
        byte[] cut = java.util.Arrays.copyOf(Hex.bytes(PUSH_ADD), 0x30);
        assertThrows(IllegalArgumentException.class, () -> PushChange.parse(DsoMessage.parse(cut).tlvs().get(0)));
        byte[] badTtl = Hex.bytes(PUSH_ADD);
        badTtl[0x39] = (byte) 0x80;
        assertThrows(IllegalArgumentException.class, () -> PushChange.parse(DsoMessage.parse(badTtl).tlvs().get(0)));
        assertThrows(IllegalArgumentException.class,
                () -> DsoMessage.parse(Hex.bytes("00 02 b0 00 00 01 00 00 00 00 00 00")));
    }
}
