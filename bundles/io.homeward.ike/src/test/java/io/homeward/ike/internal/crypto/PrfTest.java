package io.homeward.ike.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** HMAC-SHA2 as the PRF (RFC 4231 test cases) and prf+ (RFC 7296 §2.13). */
class PrfTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hmacSha2IsThatOfRfc4231() {
        byte[] key1 = new byte[20];
        Arrays.fill(key1, (byte) 0x0b);
        byte[] data1 = "Hi There".getBytes(StandardCharsets.US_ASCII);
        byte[] key2 = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] data2 = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                HEX.formatHex(Prf.HMAC_SHA2_256.apply(key1, data1)));
        assertEquals("afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59c"
                + "faea9ea9076ede7f4af152e8b2fa9cb6", HEX.formatHex(Prf.HMAC_SHA2_384.apply(key1, data1)));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HEX.formatHex(Prf.HMAC_SHA2_256.apply(key2, data2)));
        assertEquals("af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
                + "8e2240ca5e69e2c78b3239ecfab21649", HEX.formatHex(Prf.HMAC_SHA2_384.apply(key2, data2)));
    }

    @Test
    void theDataPartsAreConcatenated() {
        byte[] key = HEX.parseHex("0102");
        assertArrayEquals(Prf.HMAC_SHA2_256.apply(key, HEX.parseHex("aabbcc")),
                Prf.HMAC_SHA2_256.apply(key, HEX.parseHex("aa"), new byte[0], HEX.parseHex("bbcc")));
    }

    @Test
    void prfPlusChainsBlocksWithACounter() {
        for (Prf prf : Prf.values()) {
            byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
            byte[] seed = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
            byte[] t1 = prf.apply(key, seed, new byte[] {1});
            byte[] t2 = prf.apply(key, t1, seed, new byte[] {2});
            byte[] t3 = prf.apply(key, t2, seed, new byte[] {3});

            byte[] stream = prf.plus(key, seed, 2 * prf.length() + 5);

            assertArrayEquals(t1, Arrays.copyOfRange(stream, 0, prf.length()));
            assertArrayEquals(t2, Arrays.copyOfRange(stream, prf.length(), 2 * prf.length()));
            assertArrayEquals(Arrays.copyOf(t3, 5), Arrays.copyOfRange(stream, 2 * prf.length(), stream.length));
        }
    }

    @Test
    void prfPlusStopsAt255Blocks() {
        assertEquals(255 * 32, Prf.HMAC_SHA2_256.plus(new byte[32], new byte[8], 255 * 32).length);
        assertThrows(IllegalArgumentException.class, () -> Prf.HMAC_SHA2_256.plus(new byte[32], new byte[8], 255 * 32 + 1));
    }

    @Test
    void transformIdsNameThePrfs() {
        assertEquals(Prf.HMAC_SHA2_256, Prf.of(5).orElseThrow());
        assertEquals(Prf.HMAC_SHA2_384, Prf.of(6).orElseThrow());
        assertTrue(Prf.of(2).isEmpty());
        assertEquals(48, Prf.HMAC_SHA2_384.length());
    }

    @Test
    void childAndRekeyedKeysFollowTheirFormulas() {
        Prf prf = Prf.HMAC_SHA2_384;
        byte[] ni = new byte[32];
        byte[] nr = new byte[32];
        Arrays.fill(nr, (byte) 1);
        byte[] gir = new byte[32];
        Arrays.fill(gir, (byte) 7);
        IkeSaKeys keys = IkeSaKeys.derive(prf, 36, gir, ni, nr, 1, 2);
        assertEquals(48, keys.skD().length);
        assertEquals(36, keys.skEr().length);

        ChildSaKeys pfs = ChildSaKeys.derive(prf, keys.skD(), gir, ni, nr, 36);
        byte[] keymat = prf.plus(keys.skD(), Bytes.concat(gir, ni, nr), 72);
        assertArrayEquals(Arrays.copyOf(keymat, 36), pfs.initiatorToResponder());
        assertArrayEquals(Arrays.copyOfRange(keymat, 36, 72), pfs.responderToInitiator());

        IkeSaKeys rekeyed = keys.rekey(keys.prf(), 36, gir, nr, ni, 3, 4);
        byte[] skeyseed = prf.apply(keys.skD(), gir, nr, ni);
        byte[] stream = prf.plus(skeyseed, Bytes.concat(nr, ni, Bytes.spi(3), Bytes.spi(4)), 3 * 48 + 2 * 36);
        assertArrayEquals(Arrays.copyOf(stream, 48), rekeyed.skD());
        assertArrayEquals(Arrays.copyOfRange(stream, 48 + 2 * 36 + 48, stream.length), rekeyed.skPr());
        assertTrue(!rekeyed.toString().contains(HEX.formatHex(rekeyed.skD()).substring(0, 8)));
    }
}
