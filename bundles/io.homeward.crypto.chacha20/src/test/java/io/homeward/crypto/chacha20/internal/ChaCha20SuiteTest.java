package io.homeward.crypto.chacha20.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.crypto.PacketAead;
import io.homeward.testkit.RecordingLogger;

class ChaCha20SuiteTest {
    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8439 §2.8.2: key 80..9f, nonce 07000000 || 4041424344454647, AAD 50515253c0c1c2c3c4c5c6c7. */
    private static final byte[] RFC_KEYMAT = HEX.parseHex(
            "808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f" + "07000000");
    private static final long RFC_IV = 0x4041424344454647L;
    private static final byte[] RFC_AAD = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
    private static final byte[] RFC_PLAINTEXT = ("Ladies and Gentlemen of the class of '99: If I could offer you only"
            + " one tip for the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RFC_SEALED = HEX.parseHex("d31a8d34648e60db7b86afbc53ef7ec2"
            + "a4aded51296e08fea9e2b5a736ee62d6" + "3dbea45e8ca9671282fafb69da92728b" + "1a71de0a9e060b2905d6a5b67ecd3b36"
            + "92ddbd7f2d778b8c9803aee328091b58" + "fab324e4fad675945585808b4831d7bc" + "3ff4def08e4b7a9de576d26586cec64b"
            + "6116" + "1ae10b594f09e26a7e902ecbd0600691");

    /**
     * docs/test-vectors.md, "ESP packet, ChaCha20-Poly1305": key 00..1f, salt b0b1b2b3, IV 1, AAD SPI || seq. The page
     * gives the first and last octets; the rest was cross-checked with Python's cryptography package.
     */
    private static final byte[] ESP_KEYMAT = HEX.parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f" + "b0b1b2b3");
    private static final byte[] ESP_AAD = HEX.parseHex("c0ffee0100000001");
    private static final byte[] ESP_PLAINTEXT = HEX.parseHex("60000000000c3a40fd3c9a51e27d0b44021b63fffe845a0c"
            + "fd771e082f6cd9130226bbfffe123456800045171234000162746d6d" + "01020229");
    private static final byte[] ESP_SEALED = HEX.parseHex("36b968474149d1b3fff263b530851b91"
            + "f364379d414c4682eee853d21b97ba46" + "eb223122e728fdcf4a1eddb334a10559" + "1926e90e1a3d8c27bd30bb7dee3ed355"
            + "783b187068c914ee");

    private final CryptoSuite suite = new ChaCha20Suite(config(100), new RecordingLogger().logger());

    @Test
    void describesRfc7634() {
        assertEquals("chacha20-poly1305", suite.name());
        assertEquals(28, suite.transformId());
        assertEquals(Set.of(256), suite.keySizes());
        assertEquals(4, suite.saltLength());
        assertEquals(8, suite.ivLength());
        assertEquals(16, suite.icvLength());
    }

    @Test
    void reproducesTheRfc8439AeadVector() throws GeneralSecurityException {
        byte[] out = new byte[RFC_PLAINTEXT.length + 16];
        int written = suite.newAead(RFC_KEYMAT).seal(RFC_IV, RFC_AAD, RFC_AAD.length, RFC_PLAINTEXT, 0,
                RFC_PLAINTEXT.length, out, 0);
        assertEquals(RFC_PLAINTEXT.length + 16, written);
        assertArrayEquals(RFC_SEALED, out);
    }

    @Test
    void reproducesTheEspExample() throws GeneralSecurityException {
        byte[] out = new byte[ESP_SEALED.length];
        suite.newAead(ESP_KEYMAT).seal(1, ESP_AAD, 8, ESP_PLAINTEXT, 0, ESP_PLAINTEXT.length, out, 0);
        assertArrayEquals(ESP_SEALED, out);
    }

    @Test
    void opensInPlaceAtAnOffset() throws GeneralSecurityException {
        byte[] packet = new byte[16 + ESP_SEALED.length];
        System.arraycopy(ESP_SEALED, 0, packet, 16, ESP_SEALED.length);
        int written = suite.newAead(ESP_KEYMAT).open(1, ESP_AAD, 8, packet, 16, ESP_SEALED.length, packet, 16);
        assertArrayEquals(ESP_PLAINTEXT, Arrays.copyOfRange(packet, 16, 16 + written));
    }

    @Test
    void roundTripsManyPacketsOnOneAead() throws GeneralSecurityException {
        PacketAead sender = suite.newAead(ESP_KEYMAT);
        PacketAead receiver = suite.newAead(ESP_KEYMAT);
        byte[] sealed = new byte[1200 + 16];
        byte[] opened = new byte[1200];
        for (long iv = 1; iv <= 50; iv++) {
            byte[] payload = new byte[1200];
            Arrays.fill(payload, (byte) (iv * 3));
            sender.seal(iv, ESP_AAD, 8, payload, 0, payload.length, sealed, 0);
            assertEquals(1200, receiver.open(iv, ESP_AAD, 8, sealed, 0, sealed.length, opened, 0));
            assertArrayEquals(payload, opened);
        }
    }

    @Test
    void tamperingFailsTheTag() throws GeneralSecurityException {
        PacketAead aead = suite.newAead(ESP_KEYMAT);
        byte[] tampered = ESP_SEALED.clone();
        tampered[tampered.length - 1] ^= (byte) 0x80;
        byte[] out = new byte[ESP_SEALED.length];
        assertThrows(AEADBadTagException.class, () -> aead.open(1, ESP_AAD, 8, tampered, 0, tampered.length, out, 0));
        byte[] otherAad = HEX.parseHex("c0ffee0200000001");
        assertThrows(AEADBadTagException.class, () -> aead.open(1, otherAad, 8, ESP_SEALED, 0, ESP_SEALED.length, out, 0));
        assertThrows(AEADBadTagException.class, () -> aead.open(1, ESP_AAD, 8, ESP_SEALED, 0, 15, out, 0));
    }

    @Test
    void aForgedPacketDoesNotBlockTheGenuineOneWithTheSameIv() throws GeneralSecurityException {
        PacketAead aead = suite.newAead(ESP_KEYMAT);
        byte[] forged = ESP_SEALED.clone();
        forged[0] ^= 1;
        byte[] out = new byte[ESP_SEALED.length];
        assertThrows(AEADBadTagException.class, () -> aead.open(1, ESP_AAD, 8, forged, 0, forged.length, out, 0));
        assertEquals(ESP_PLAINTEXT.length, aead.open(1, ESP_AAD, 8, ESP_SEALED, 0, ESP_SEALED.length, out, 0));
        assertArrayEquals(ESP_PLAINTEXT, Arrays.copyOf(out, ESP_PLAINTEXT.length));
    }

    @Test
    void wrongKeyMaterialLengthIsExplained() {
        for (int length : new int[] {0, 20, 32, 35, 37}) {
            GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> suite.newAead(new byte[length]));
            assertTrue(e.getMessage().contains("36 octets, got " + length), e.getMessage());
        }
        assertThrows(GeneralSecurityException.class, () -> suite.newAead(null));
    }

    private static ChaCha20Suite.Config config(int ranking) {
        return new ChaCha20Suite.Config() {
            @Override
            public int service_ranking() {
                return ranking;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return ChaCha20Suite.Config.class;
            }
        };
    }
}
