package io.homeward.crypto.aesgcm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.crypto.PacketAead;
import io.homeward.testkit.RecordingLogger;

class AesGcmSuiteTest {
    private static final HexFormat HEX = HexFormat.of();
    /** docs/test-vectors.md, "ESP packet, AES-GCM-16": inner ICMPv6 echo request, padding 01 02, pad length 2, next header 41. */
    private static final byte[] PLAINTEXT = HEX.parseHex(
            "6000000000 0c3a40fd3c9a51e27d0b44021b63fffe845a0cfd771e082f6cd913".replace(" ", "")
                    + "0226bbfffe12345680004517123400016274 6d6d".replace(" ", "") + "01020229");
    private static final byte[] AAD = HEX.parseHex("c0ffee0100000001");
    private static final byte[] KEYMAT = HEX.parseHex("000102030405060708090a0b0c0d0e0f" + "a0a1a2a3");
    /** docs/test-vectors.md, "ESP packet, AES-GCM-16", ESP bytes 0x10-0x57: ciphertext then the 16-byte tag. */
    private static final byte[] SEALED = HEX.parseHex("26711cf26c884d107a50dc4639799f22"
            + "13e97a7c6871daae9086951833ca8601" + "e9dd7554db23a481b00aa1afdd18bf15"
            + "d02680bb0042fbee873d292d2114893c" + "9202964714d39f4c");

    private final CryptoSuite suite = new AesGcmSuite(config(200), new RecordingLogger().logger());

    @Test
    void describesRfc4106WithSixteenByteIcv() {
        assertEquals("aes-gcm-16", suite.name());
        assertEquals(20, suite.transformId());
        assertEquals(Set.of(128, 256), suite.keySizes());
        assertEquals(4, suite.saltLength());
        assertEquals(8, suite.ivLength());
        assertEquals(16, suite.icvLength());
    }

    @Test
    void reproducesTheVerifiedEspPacket() throws GeneralSecurityException {
        byte[] out = new byte[PLAINTEXT.length + 16];
        int written = suite.newAead(KEYMAT).seal(1, AAD, AAD.length, PLAINTEXT, 0, PLAINTEXT.length, out, 0);
        assertEquals(72, written);
        assertArrayEquals(SEALED, out);
    }

    @Test
    void opensTheVerifiedEspPacketInPlaceAtAnOffset() throws GeneralSecurityException {
        byte[] packet = new byte[16 + SEALED.length];
        System.arraycopy(SEALED, 0, packet, 16, SEALED.length);
        int written = suite.newAead(KEYMAT).open(1, AAD, AAD.length, packet, 16, SEALED.length, packet, 16);
        assertEquals(PLAINTEXT.length, written);
        assertArrayEquals(PLAINTEXT, Arrays.copyOfRange(packet, 16, 16 + written));
    }

    @Test
    void aes256RoundTripsManyPacketsOnOneAead() throws GeneralSecurityException {
        byte[] keymat = new byte[36];
        Arrays.fill(keymat, (byte) 7);
        PacketAead sender = suite.newAead(keymat);
        PacketAead receiver = suite.newAead(keymat);
        byte[] sealed = new byte[1400 + 16];
        byte[] opened = new byte[1400];
        for (long iv = 1; iv <= 50; iv++) {
            byte[] payload = new byte[1400];
            Arrays.fill(payload, (byte) iv);
            byte[] aad = HEX.parseHex("0000100100000000");
            aad[7] = (byte) iv;
            sender.seal(iv, aad, 8, payload, 0, payload.length, sealed, 0);
            assertEquals(1400, receiver.open(iv, aad, 8, sealed, 0, sealed.length, opened, 0));
            assertArrayEquals(payload, opened);
        }
    }

    @Test
    void aFlippedCiphertextBitFailsTheTag() throws GeneralSecurityException {
        byte[] tampered = SEALED.clone();
        tampered[5] ^= 0x01;
        PacketAead aead = suite.newAead(KEYMAT);
        assertThrows(AEADBadTagException.class,
                () -> aead.open(1, AAD, AAD.length, tampered, 0, tampered.length, new byte[tampered.length], 0));
    }

    @Test
    void aDifferentSequenceNumberInTheAadFailsTheTag() throws GeneralSecurityException {
        byte[] otherAad = HEX.parseHex("c0ffee0100000002");
        PacketAead aead = suite.newAead(KEYMAT);
        assertThrows(AEADBadTagException.class,
                () -> aead.open(1, otherAad, 8, SEALED, 0, SEALED.length, new byte[SEALED.length], 0));
        assertThrows(AEADBadTagException.class,
                () -> aead.open(2, AAD, 8, SEALED, 0, SEALED.length, new byte[SEALED.length], 0));
    }

    @Test
    void aForgedPacketDoesNotBlockTheGenuineOneWithTheSameIv() throws GeneralSecurityException {
        PacketAead aead = suite.newAead(KEYMAT);
        byte[] forged = SEALED.clone();
        forged[0] ^= 1;
        byte[] out = new byte[SEALED.length];
        assertThrows(AEADBadTagException.class, () -> aead.open(1, AAD, 8, forged, 0, forged.length, out, 0));
        assertEquals(PLAINTEXT.length, aead.open(1, AAD, 8, SEALED, 0, SEALED.length, out, 0));
        assertArrayEquals(PLAINTEXT, Arrays.copyOf(out, PLAINTEXT.length));
    }

    @Test
    void aPacketShorterThanTheIcvIsRejected() throws GeneralSecurityException {
        PacketAead aead = suite.newAead(KEYMAT);
        assertThrows(AEADBadTagException.class, () -> aead.open(1, AAD, 8, SEALED, 0, 10, new byte[16], 0));
    }

    @Test
    void wrongKeyMaterialLengthIsExplained() {
        for (int length : new int[] {0, 16, 19, 28, 32, 37}) {
            GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> suite.newAead(new byte[length]));
            assertTrue(e.getMessage().contains("20 or 36 octets, got " + length), e.getMessage());
        }
        assertThrows(GeneralSecurityException.class, () -> suite.newAead(null));
    }

    static AesGcmSuite.Config config(int ranking) {
        return new AesGcmSuite.Config() {
            @Override
            public int service_ranking() {
                return ranking;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return AesGcmSuite.Config.class;
            }
        };
    }
}
