package io.homeward.kit.dns;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.api.auth.TsigKey;

class TsigSignerTest {
    private static final String ZONE = "alice.btmm.example.";
    private static final Clock FIXED = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    /** A signed UPDATE with the key below (secret 0x10..0x2F), checked with dnspython. */
    private static final String SIGNED_UPDATE = """
            4d 2a 28 00 00 01 00 00 00 02 00 02 05 61 6c 69
            63 65 04 62 74 6d 6d 07 65 78 61 6d 70 6c 65 00
            00 06 00 01 0b 5f 61 75 74 6f 74 75 6e 6e 65 6c
            04 5f 75 64 70 09 61 6c 69 63 65 2d 6d 62 70 05
            61 6c 69 63 65 04 62 74 6d 6d 07 65 78 61 6d 70
            6c 65 00 00 21 00 ff 00 00 00 00 00 00 0b 5f 61
            75 74 6f 74 75 6e 6e 65 6c 04 5f 75 64 70 09 61
            6c 69 63 65 2d 6d 62 70 05 61 6c 69 63 65 04 62
            74 6d 6d 07 65 78 61 6d 70 6c 65 00 00 21 00 01
            00 00 00 78 00 3d 00 00 00 00 11 94 22 41 75 74
            6f 54 75 6e 6e 65 6c 2d 30 32 2d 31 42 2d 36 33
            2d 46 46 2d 46 45 2d 38 34 2d 35 41 2d 30 43 05
            61 6c 69 63 65 04 62 74 6d 6d 07 65 78 61 6d 70
            6c 65 00 00 00 29 05 a0 00 00 00 00 00 08 00 02
            00 04 00 00 1c 20
            05 61 6c 69 63 65 04 62 74 6d 6d 07 65 78 61 6d 70 6c 65 00
            00 fa 00 ff 00 00 00 00 00 3d
            0b 68 6d 61 63 2d 73 68 61 32 35 36 00
            00 00 65 53 f1 00 01 2c
            00 20 e3 49 ca 3e 37 35 8a fe 61 99 de 7e 36 3c 45 c5
            eb 88 f2 be d0 ca 54 9d 17 52 e7 39 45 d8 72 c6
            4d 2a 00 00 00 00
            """;

    private static TsigKey key() {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (0x10 + i);
        }
        return new TsigKey(ZONE, "hmac-sha256.", secret);
    }

    private static Message query() {
        Message query = new Message(7);
        query.addRecord(Record.newRecord(Name.fromConstantString(ZONE), Type.SOA, DClass.IN), Section.QUESTION);
        return query;
    }

    @Test
    void verifiesTheWorkedExample() throws Exception {
        byte[] wire = HexFormat.of().parseHex(SIGNED_UPDATE.replaceAll("\\s", ""));
        TsigSigner signer = new TsigSigner(key(), FIXED);
        assertTrue(signer.verify(new Message(wire), wire, null));
        byte[] tampered = wire.clone();
        tampered[0x9b] = 0x12;
        assertFalse(signer.verify(new Message(tampered), tampered, null));
    }

    @Test
    void aWrongKeyOrAnUnsignedMessageDoesNotVerify() throws Exception {
        byte[] signed = new TsigSigner(new TsigKey(ZONE, "hmac-sha256.", new byte[32]), FIXED).sign(query());
        TsigSigner signer = new TsigSigner(key(), FIXED);
        assertFalse(signer.verify(new Message(signed), signed, null));
        byte[] plain = new Message(7).toWire();
        assertFalse(signer.verify(new Message(plain), plain, null));
    }

    @Test
    void aResponseIsSignedOverTheRequestsMac() throws Exception {
        TsigSigner signer = new TsigSigner(key(), FIXED);
        Message request = new Message(signer.sign(query()));
        Message response = query();
        response.getHeader().setFlag(Flags.QR);
        byte[] wire = signer.signResponse(response, request.getTSIG());
        assertTrue(signer.verify(new Message(wire), wire, request.getTSIG()));
        assertFalse(signer.verify(new Message(wire), wire, null));
    }

    @Test
    void anUnknownAlgorithmIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TsigSigner(new TsigKey(ZONE, "hmac-whirlpool.", new byte[32]), FIXED));
        assertTrue(e.getMessage().contains("unsupported TSIG algorithm hmac-whirlpool."), e.getMessage());
    }
}
