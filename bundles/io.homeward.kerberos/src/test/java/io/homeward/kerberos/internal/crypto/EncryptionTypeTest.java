package io.homeward.kerberos.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class EncryptionTypeTest {
    @Test
    void findsTheTypesThisHostSpeaksByTheirAssignedNumbers() {
        assertEquals(Optional.of(EncryptionType.AES256_CTS_HMAC_SHA1_96), EncryptionType.of(18));
        assertEquals(Optional.of(EncryptionType.AES256_CTS_HMAC_SHA384_192), EncryptionType.of(20));
    }

    @Test
    void knowsNothingOfRc4OrAes128() {
        assertTrue(EncryptionType.of(23).isEmpty());
        assertTrue(EncryptionType.of(17).isEmpty());
    }

    @Test
    void pairsEachTypeWithItsKeyedChecksum() {
        assertEquals(16, EncryptionType.AES256_CTS_HMAC_SHA1_96.checksumType());
        assertEquals(12, EncryptionType.AES256_CTS_HMAC_SHA1_96.checksumLength());
        assertEquals(20, EncryptionType.AES256_CTS_HMAC_SHA384_192.checksumType());
        assertEquals(24, EncryptionType.AES256_CTS_HMAC_SHA384_192.checksumLength());
    }
}
