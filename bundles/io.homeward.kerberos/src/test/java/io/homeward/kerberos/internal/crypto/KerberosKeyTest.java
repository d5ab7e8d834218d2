package io.homeward.kerberos.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.InvalidKeyException;
import java.util.HexFormat;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KerberosKeyTest {
    @Test
    void takesOnlyThirtyTwoOctets() {
        for (EncryptionType type : EncryptionType.values()) {
            InvalidKeyException refused = assertThrows(InvalidKeyException.class, () -> KerberosKey.of(type, new byte[31]));
            assertEquals(type + " keys are 32 octets, got 31", refused.getMessage());
            assertThrows(InvalidKeyException.class, () -> KerberosKey.of(type, new byte[33]));
            assertThrows(InvalidKeyException.class, () -> KerberosKey.of(type, null));
        }
    }

    @Test
    void keepsItsOwnCopyOfTheOctets() throws Exception {
        byte[] octets = new byte[32];
        KerberosKey key = KerberosKey.of(EncryptionType.AES256_CTS_HMAC_SHA1_96, octets);
        octets[0] = 1;
        key.value()[1] = 1;
        assertArrayEquals(new byte[32], key.value());
    }

    @Test
    void neverShowsItsOctets() throws Exception {
        byte[] octets = new byte[32];
        octets[0] = 0x5a;
        KerberosKey key = KerberosKey.of(EncryptionType.AES256_CTS_HMAC_SHA384_192, octets);
        assertEquals("AES256_CTS_HMAC_SHA384_192 key", key.toString());
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void keepsEachKeysAndUsagesDerivedKeysApart(EncryptionType type) throws Exception {
        byte[] octets = new byte[32];
        KerberosKey first = KerberosKey.of(type, octets);
        octets[31] = 1;
        KerberosKey second = KerberosKey.of(type, octets);
        for (int usage : new int[] {KeyUsage.TICKET, KeyUsage.TGS_REQ_AUTHENTICATOR,
            KeyUsage.TGS_REQ_AUTHENTICATOR_CHECKSUM}) {
            // Asked again and again, in turns, each key gives the keys its own octets and the usage derive.
            for (int round = 0; round < 2; round++) {
                for (KerberosKey key : new KerberosKey[] {first, second}) {
                    UsageKeys expected = type.profile().usageKeys(key.value(), usage);
                    UsageKeys cached = key.usageKeys(usage);
                    assertEquals(hex(expected.encryption()), hex(cached.encryption()));
                    assertEquals(hex(expected.integrity()), hex(cached.integrity()));
                    assertEquals(hex(type.profile().derive(key.value(), usage, UsageKeys.CHECKSUM)),
                            hex(key.checksumKey(usage)));
                }
            }
            assertNotEquals(hex(first.usageKeys(usage).encryption()), hex(second.usageKeys(usage).encryption()));
            assertNotEquals(hex(first.usageKeys(usage).integrity()), hex(second.usageKeys(usage).integrity()));
            assertNotEquals(hex(first.checksumKey(usage)), hex(second.checksumKey(usage)));
            assertNotEquals(hex(first.usageKeys(usage).integrity()), hex(first.checksumKey(usage)));
        }
        assertNotEquals(hex(first.usageKeys(KeyUsage.TICKET).encryption()),
                hex(first.usageKeys(KeyUsage.TGS_REQ_AUTHENTICATOR).encryption()));
        assertNotEquals(hex(first.checksumKey(KeyUsage.TICKET)),
                hex(first.checksumKey(KeyUsage.TGS_REQ_AUTHENTICATOR_CHECKSUM)));
    }

    private static String hex(SecretKey key) {
        return HexFormat.of().formatHex(key.getEncoded());
    }
}
