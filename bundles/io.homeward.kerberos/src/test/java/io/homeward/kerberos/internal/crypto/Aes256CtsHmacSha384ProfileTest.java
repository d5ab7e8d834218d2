package io.homeward.kerberos.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8009 Appendix A, the aes256-cts-hmac-sha384-192 vectors; all use key usage 2. */
class Aes256CtsHmacSha384ProfileTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] BASE_KEY =
            HEX.parseHex("6d404d37faf79f9df0d33568d320669800eb4836472ea8a026d16b7182460c52");
    private static final int USAGE = 2;

    @Test
    void derivesKcKeAndKi() {
        Aes256CtsHmacSha384Profile profile = Aes256CtsHmacSha384Profile.INSTANCE;
        assertEquals("ef5718be86cc84963d8bbb5031e9f5c4ba41f28faf69e73d",
                HEX.formatHex(profile.derive(BASE_KEY, USAGE, UsageKeys.CHECKSUM).getEncoded()));
        UsageKeys keys = profile.usageKeys(BASE_KEY, USAGE);
        assertEquals("56ab22bee63d82d7bc5227f6773f8ea7a5eb1c825160c38312980c442e5c7e49",
                HEX.formatHex(keys.encryption().getEncoded()));
        assertEquals("69b16514e3cd8e56b82010d5c73012b622c4d00ffc23ed1f", HEX.formatHex(keys.integrity().getEncoded()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "empty plaintext, '', f764e9fa15c276478b2c7d0c4e5f58e4,"
                + " 41f53fa5bfe7026d91faf9be959195a058707273a96a40f0a01960621ac612748b9bbfbe7eb4ce3c",
        "less than a block, 000102030405, b80d3251c1f6471494256ffe712d0b9a,"
                + " 4ed7b37c2bcac8f74f23c1cf07e62bc7b75fb3f637b9f559c7f664f69eab7b6092237526ea0d1f61cb20d69d10f2",
        "a block, 000102030405060708090a0b0c0d0e0f, 53bf8a0d105265d4e276428624ce5e63,"
                + " bc47ffec7998eb91e8115cf8d19dac4bbbe2e163e87dd37f49beca92027764f68cf51f14d798c2273f35df574d1f932e"
                + "40c4ff255b36a266",
        "more than a block, 000102030405060708090a0b0c0d0e0f1011121314, 763e65367e864f02f55153c7e3b58af1,"
                + " 40013e2df58e8751957d2878bcd2d6fe101ccfd556cb1eae79db3c3ee86429f2b2a602ac86fef6ecb647d6295fae077a"
                + "1feb517508d2c16b4192e01f62",
    })
    void encryptsAndDecryptsWithTheGivenConfounder(String name, String plaintext, String confounder, String ciphertext)
            throws Exception {
        KerberosKey key = KerberosKey.of(EncryptionType.AES256_CTS_HMAC_SHA384_192, BASE_KEY);
        KerberosCipher cipher = new KerberosCipher(new ScriptedRandom(HEX.parseHex(confounder)));
        assertEquals(ciphertext, HEX.formatHex(cipher.encrypt(key, USAGE, HEX.parseHex(plaintext))));
        assertArrayEquals(HEX.parseHex(plaintext), cipher.decrypt(key, USAGE, HEX.parseHex(ciphertext)));
    }

    @Test
    void checksumsWithKc() throws Exception {
        KerberosKey key = KerberosKey.of(EncryptionType.AES256_CTS_HMAC_SHA384_192, BASE_KEY);
        KerberosCipher cipher = new KerberosCipher(new ScriptedRandom());
        byte[] data = HEX.parseHex("000102030405060708090a0b0c0d0e0f1011121314");
        byte[] checksum = HEX.parseHex("45ee791567eefca37f4ac1e0222de80d43c3bfa06699672a");
        assertArrayEquals(checksum, cipher.checksum(key, USAGE, data));
        assertTrue(cipher.verifyChecksum(key, USAGE, data, 20, checksum));
    }
}
