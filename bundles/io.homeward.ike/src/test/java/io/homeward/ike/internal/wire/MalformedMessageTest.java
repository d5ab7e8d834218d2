package io.homeward.ike.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Decoding is strict and bounded: every malformation is an {@link IkeFormatException} with a reason. */
class MalformedMessageTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void everyTruncationIsRefused() throws Exception {
        byte[] wire = new IkeMessage(IkeHeader.of(Samples.SPI_I, Samples.SPI_R, ExchangeType.IKE_AUTH, false, true, 1),
                Samples.everyPayload()).encode();
        for (int length = 0; length < wire.length; length++) {
            int cut = length;
            assertThrows(IkeFormatException.class, () -> IkeMessage.decode(wire, 0, cut), "cut at " + cut);
            byte[] patched = withLength(wire, cut);
            if (cut >= IkeHeader.LENGTH) {
                assertThrows(IkeFormatException.class, () -> IkeMessage.decode(patched, 0, cut), "patched at " + cut);
            }
        }
    }

    @Test
    void theHeaderLengthMustBeTheDatagramLength() throws IkeFormatException {
        byte[] wire = message(PayloadType.NONE);
        IkeMessage.decode(wire, 0, wire.length);
        byte[] longer = new byte[wire.length + 1];
        System.arraycopy(wire, 0, longer, 0, wire.length);

        IkeFormatException refused = assertThrows(IkeFormatException.class,
                () -> IkeMessage.decode(longer, 0, longer.length));

        assertEquals("IKE header says 28 octets, the datagram has 29", refused.getMessage());
    }

    @Test
    void anotherMajorVersionIsInvalidMajorVersionAndTheMinorOneIsIgnored() throws IkeFormatException {
        for (int version : new int[] {0x10, 0x30, 0xF0}) {
            byte[] wire = message(PayloadType.NONE);
            wire[17] = (byte) version;
            IkeFormatException refused = assertThrows(IkeFormatException.class,
                    () -> IkeMessage.decode(wire, 0, wire.length));
            assertEquals(NotifyType.INVALID_MAJOR_VERSION, refused.notifyType());
        }
        byte[] minor = message(PayloadType.NONE);
        minor[17] = 0x21;
        assertEquals(List.of(), IkeMessage.decode(minor, 0, minor.length).payloads());
    }

    /** A length below 4 would keep a reader on one payload for ever: the payload loop of a positional chain. */
    @Test
    void payloadLengthsBelowTheHeaderOrBeyondTheMessageAreRefused() {
        for (int length : new int[] {0, 1, 3, 37, 0xFFFF}) {
            byte[] wire = message(PayloadType.NOTIFY, payload(PayloadType.NONE, length, HEX.parseHex("0000400c")));
            IkeFormatException refused = assertThrows(IkeFormatException.class,
                    () -> IkeMessage.decode(wire, 0, wire.length), "length " + length);
            assertEquals(NotifyType.INVALID_SYNTAX, refused.notifyType());
        }
    }

    @Test
    void aChainThatPromisesMoreThanTheMessageHoldsIsRefused() {
        byte[] wire = message(PayloadType.NOTIFY, payload(PayloadType.NOTIFY, 8, HEX.parseHex("0000400c")));

        IkeFormatException refused = assertThrows(IkeFormatException.class,
                () -> IkeMessage.decode(wire, 0, wire.length));

        assertEquals("next payload needs 1 octets, 0 left", refused.getMessage());
    }

    @Test
    void octetsAfterTheLastPayloadAreRefused() {
        byte[] wire = message(PayloadType.NOTIFY, payload(PayloadType.NONE, 8, HEX.parseHex("0000400c")),
                new byte[4]);

        assertThrows(IkeFormatException.class, () -> IkeMessage.decode(wire, 0, wire.length));
    }

    @Test
    void moreThanTheMostPayloadsAreRefused() {
        byte[][] notifies = new byte[Payloads.MAX_PAYLOADS + 1][];
        for (int i = 0; i < notifies.length; i++) {
            int next = i == notifies.length - 1 ? PayloadType.NONE : PayloadType.NOTIFY;
            notifies[i] = payload(next, 8, HEX.parseHex("0000400c"));
        }
        byte[] wire = message(PayloadType.NOTIFY, notifies);

        IkeFormatException refused = assertThrows(IkeFormatException.class,
                () -> IkeMessage.decode(wire, 0, wire.length));

        assertEquals("more than 64 payloads", refused.getMessage());
    }

    @Test
    void aCriticalUnknownPayloadIsUnsupportedAndANonCriticalOneIsKept() throws IkeFormatException {
        byte[] critical = message(60, criticalPayload(PayloadType.NONE, HEX.parseHex("abcd")));
        IkeFormatException refused = assertThrows(IkeFormatException.class,
                () -> IkeMessage.decode(critical, 0, critical.length));
        assertEquals(NotifyType.UNSUPPORTED_CRITICAL_PAYLOAD, refused.notifyType());
        assertArrayEquals(new byte[] {60}, refused.notifyData());

        byte[] quiet = message(60, payload(PayloadType.NONE, 6, HEX.parseHex("abcd")));
        OpaquePayload kept = (OpaquePayload) IkeMessage.decode(quiet, 0, quiet.length).payloads().get(0);
        assertEquals(60, kept.type());

        byte[] knownCritical = message(PayloadType.NOTIFY, criticalPayload(PayloadType.NONE, HEX.parseHex("0000400c")));
        assertEquals(1, IkeMessage.decode(knownCritical, 0, knownCritical.length).payloads().size());
    }

    @Test
    void zeroLengthBodiesThatMustHoldDataAreRefused() {
        for (int type : new int[] {PayloadType.SA, PayloadType.KE, PayloadType.IDI, PayloadType.CERT,
                PayloadType.AUTH, PayloadType.NONCE, PayloadType.NOTIFY, PayloadType.DELETE, PayloadType.VENDOR_ID,
                PayloadType.TSR, PayloadType.SKF}) {
            byte[] wire = message(type, payload(PayloadType.NONE, 4, new byte[0]));
            assertThrows(IkeFormatException.class, () -> IkeMessage.decode(wire, 0, wire.length), "type " + type);
        }
    }

    @Test
    void proposalsAndTransformsMustAddUp() {
        String transform = "0000000801000014";
        String[] bad = {
            "00000010" + "01010002" + transform, // says two transforms, holds one
            "00000010" + "01010000" + transform, // says none
            "0000000c" + "01010001" + "00000004", // transform length below 8
            "0000000c" + "01010001" + "05000008", // transform last substruc 5
            "01000010" + "01010001" + transform, // proposal last substruc 1
            "02000010" + "01010001" + transform + "00000010" + "03010001" + transform, // numbered 1 then 3
            "00000010" + "01010001" + transform + "00", // octets after the last proposal
            "00000009" + "01010001" + "00", // proposal shorter than its transforms
            "00000010" + "010104ff" + transform, // SPI of 4 and 255 transforms in 16 octets
        };
        for (String body : bad) {
            byte[] wire = message(PayloadType.SA, payload(PayloadType.NONE, 4 + body.length() / 2, HEX.parseHex(body)));
            assertThrows(IkeFormatException.class, () -> IkeMessage.decode(wire, 0, wire.length), body);
        }
    }

    @Test
    void aResponseProposalMayCarryTheChosenNumber() throws IkeFormatException {
        String body = "00000010" + "03010001" + "0000000801000014";
        byte[] wire = message(PayloadType.SA, payload(PayloadType.NONE, 4 + body.length() / 2, HEX.parseHex(body)));

        SaPayload sa = (SaPayload) IkeMessage.decode(wire, 0, wire.length).payloads().get(0);

        assertEquals(3, sa.proposals().get(0).number());
    }

    @Test
    void unknownTransformAttributesMarkTheTransform() throws IkeFormatException {
        String body = "00000018" + "01010001" + "00000010" + "01000014" + "800e0080" + "00030000";
        byte[] wire = message(PayloadType.SA, payload(PayloadType.NONE, 4 + body.length() / 2, HEX.parseHex(body)));

        Transform transform = ((SaPayload) IkeMessage.decode(wire, 0, wire.length).payloads().get(0)).proposals()
                .get(0).transforms().get(0);

        assertEquals(128, transform.keyLength());
        assertTrue(transform.unknownAttributes());
    }

    @Test
    void trafficSelectorsMustBeWellFormedAddressRanges() {
        String v6 = "0800002800000000" + "fd00".repeat(8) + "fd00".repeat(8);
        assertThrows(IkeFormatException.class, () -> decodeTs("02000000" + v6)); // says two, holds one
        assertThrows(IkeFormatException.class, () -> decodeTs("01000000" + "0800001000000000" + "0a000001" + "0a000001"));
        assertThrows(IkeFormatException.class, () -> decodeTs("01000000" + v6 + "00"));
        IkeFormatException unknown = assertThrows(IkeFormatException.class,
                () -> decodeTs("01000000" + "0900002800000000" + "00".repeat(32)));
        assertEquals(NotifyType.TS_UNACCEPTABLE, unknown.notifyType());
    }

    @Test
    void deletesMustNameSpisOfTheirProtocolsSize() {
        for (String body : new String[] {"01000001", "01080000", "03040002" + "00000001", "03080001" + "0000000100000002"}) {
            byte[] wire = message(PayloadType.DELETE, payload(PayloadType.NONE, 4 + body.length() / 2, HEX.parseHex(body)));
            assertThrows(IkeFormatException.class, () -> IkeMessage.decode(wire, 0, wire.length), body);
        }
    }

    @Test
    void nothingMayFollowAnEncryptedPayload() {
        byte[] wire = message(PayloadType.SK, payload(PayloadType.NONE, 28, new byte[24]), new byte[4]);

        IkeFormatException refused = assertThrows(IkeFormatException.class,
                () -> IkeMessage.decode(wire, 0, wire.length));

        assertEquals("4 octets after the encrypted payload, which is last", refused.getMessage());
    }

    @Test
    void fragmentNumbersMustLieWithinTheTotal() {
        for (String fields : new String[] {"00000003", "00010000", "00040003"}) {
            byte[] wire = message(PayloadType.SKF, payload(PayloadType.NONE, 28, HEX.parseHex(fields + "00".repeat(20))));
            assertThrows(IkeFormatException.class, () -> IkeMessage.decode(wire, 0, wire.length), fields);
        }
    }

    @Test
    void noncesMustHave16To256Octets() {
        for (int length : new int[] {15, 257}) {
            byte[] wire = message(PayloadType.NONCE, payload(PayloadType.NONE, 4 + length, new byte[length]));
            assertThrows(IkeFormatException.class, () -> IkeMessage.decode(wire, 0, wire.length));
        }
    }

    private static void decodeTs(String body) throws IkeFormatException {
        byte[] wire = message(PayloadType.TSI, payload(PayloadType.NONE, 4 + body.length() / 2, HEX.parseHex(body)));
        IkeMessage.decode(wire, 0, wire.length);
    }

    /** A generic payload header with the given length field in front of the body. */
    private static byte[] payload(int next, int length, byte[] body) {
        return ByteBuffer.allocate(4 + body.length).put((byte) next).put((byte) 0).putShort((short) length).put(body)
                .array();
    }

    private static byte[] criticalPayload(int next, byte[] body) {
        byte[] payload = payload(next, 4 + body.length, body);
        payload[1] = (byte) 0x80;
        return payload;
    }

    /** An IKE_AUTH request whose header names the first payload type and the true length. */
    private static byte[] message(int firstType, byte[]... parts) {
        int length = IkeHeader.LENGTH;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        IkeHeader.of(Samples.SPI_I, Samples.SPI_R, ExchangeType.IKE_AUTH, false, true, 1).withChain(firstType, length)
                .write(out);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }

    private static byte[] withLength(byte[] wire, int length) {
        byte[] copy = Arrays.copyOf(wire, Math.max(length, IkeHeader.LENGTH));
        ByteBuffer.wrap(copy).putInt(24, length);
        return copy;
    }
}
