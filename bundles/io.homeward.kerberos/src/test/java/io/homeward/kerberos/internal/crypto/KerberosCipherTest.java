package io.homeward.kerberos.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import javax.crypto.SecretKey;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KerberosCipherTest {
    private static final byte[] TICKET = "an EncTicketPart, in DER".getBytes(StandardCharsets.US_ASCII);

    private final KerberosCipher cipher = new KerberosCipher(new Random(4120));

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void roundTripsAndAddsConfounderAndMac(EncryptionType type) throws Exception {
        KerberosKey key = cipher.randomKey(type);
        byte[] ciphertext = cipher.encrypt(key, KeyUsage.TICKET, TICKET);
        assertEquals(TICKET.length + 16 + type.checksumLength(), ciphertext.length);
        assertArrayEquals(TICKET, cipher.decrypt(key, KeyUsage.TICKET, ciphertext));
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void aFreshConfounderMakesEachCiphertextDifferent(EncryptionType type) {
        KerberosKey key = cipher.randomKey(type);
        assertFalse(Arrays.equals(cipher.encrypt(key, KeyUsage.TICKET, TICKET),
                cipher.encrypt(key, KeyUsage.TICKET, TICKET)));
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void refusesAnotherUsageOrKey(EncryptionType type) {
        KerberosKey key = cipher.randomKey(type);
        byte[] ciphertext = cipher.encrypt(key, KeyUsage.AS_REP_ENC_PART, TICKET);
        assertThrows(BadIntegrityException.class, () -> cipher.decrypt(key, KeyUsage.TGS_REP_ENC_PART_SESSION_KEY, ciphertext));
        assertThrows(BadIntegrityException.class,
                () -> cipher.decrypt(cipher.randomKey(type), KeyUsage.AS_REP_ENC_PART, ciphertext));
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void refusesEveryFlippedBit(EncryptionType type) {
        KerberosKey key = cipher.randomKey(type);
        byte[] ciphertext = cipher.encrypt(key, KeyUsage.AP_REQ_AUTHENTICATOR, TICKET);
        for (int bit = 0; bit < ciphertext.length * 8; bit++) {
            byte[] modified = ciphertext.clone();
            modified[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThrows(BadIntegrityException.class, () -> cipher.decrypt(key, KeyUsage.AP_REQ_AUTHENTICATOR, modified),
                    "bit " + bit);
        }
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void refusesTruncatedAndExtendedCiphertexts(EncryptionType type) {
        KerberosKey key = cipher.randomKey(type);
        byte[] ciphertext = cipher.encrypt(key, KeyUsage.AP_REP_ENC_PART, TICKET);
        for (int length = 0; length < ciphertext.length; length++) {
            byte[] truncated = Arrays.copyOf(ciphertext, length);
            assertThrows(BadIntegrityException.class, () -> cipher.decrypt(key, KeyUsage.AP_REP_ENC_PART, truncated),
                    "length " + length);
        }
        byte[] extended = Arrays.copyOf(ciphertext, ciphertext.length + 1);
        assertThrows(BadIntegrityException.class, () -> cipher.decrypt(key, KeyUsage.AP_REP_ENC_PART, extended));
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void saysWhyACiphertextShorterThanConfounderAndMacIsRefused(EncryptionType type) {
        KerberosKey key = cipher.randomKey(type);
        int minimum = 16 + type.checksumLength();
        BadIntegrityException refused = assertThrows(BadIntegrityException.class,
                () -> cipher.decrypt(key, KeyUsage.TICKET, new byte[minimum - 1]));
        assertTrue(refused.getMessage().contains("shorter than its confounder and checksum (" + minimum + ")"),
                refused.getMessage());
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void answersRandomInputOnlyWithBadIntegrity(EncryptionType type) {
        KerberosKey key = cipher.randomKey(type);
        Random hostile = new Random(31);
        for (int i = 0; i < 5_000; i++) {
            byte[] garbage = new byte[hostile.nextInt(120)];
            hostile.nextBytes(garbage);
            assertThrows(BadIntegrityException.class, () -> cipher.decrypt(key, KeyUsage.TICKET, garbage));
        }
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void verifiesOnlyItsOwnChecksumOfTheSameData(EncryptionType type) {
        KerberosKey key = cipher.randomKey(type);
        byte[] checksum = cipher.checksum(key, KeyUsage.TGS_REQ_AUTHENTICATOR_CHECKSUM, TICKET);
        assertEquals(type.checksumLength(), checksum.length);
        int usage = KeyUsage.TGS_REQ_AUTHENTICATOR_CHECKSUM;
        assertTrue(cipher.verifyChecksum(key, usage, TICKET, type.checksumType(), checksum));

        byte[] otherData = TICKET.clone();
        otherData[0] ^= 1;
        assertFalse(cipher.verifyChecksum(key, usage, otherData, type.checksumType(), checksum));
        assertFalse(cipher.verifyChecksum(key, KeyUsage.AP_REQ_AUTHENTICATOR_CHECKSUM, TICKET, type.checksumType(),
                checksum));
        assertFalse(cipher.verifyChecksum(cipher.randomKey(type), usage, TICKET, type.checksumType(), checksum));
        assertFalse(cipher.verifyChecksum(key, usage, TICKET, type.checksumType() + 1, checksum));
        assertFalse(cipher.verifyChecksum(key, usage, TICKET, type.checksumType(), Arrays.copyOf(checksum, 8)));
        assertFalse(cipher.verifyChecksum(key, usage, TICKET, type.checksumType(), new byte[0]));
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void makesTheSameSessionKeysFromTheSameSeed(EncryptionType type) {
        KerberosKey first = new KerberosCipher(new Random(7)).randomKey(type);
        KerberosKey again = new KerberosCipher(new Random(7)).randomKey(type);
        assertEquals(type, first.type());
        assertEquals(32, first.value().length);
        assertArrayEquals(first.value(), again.value());
        assertNotEquals(Arrays.toString(first.value()), Arrays.toString(cipher.randomKey(type).value()));
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void derivesEachUsagesKeysOnce(EncryptionType type) throws Exception {
        KerberosKey key = cipher.randomKey(type);
        UsageKeys tickets = key.usageKeys(KeyUsage.TICKET);
        assertSame(tickets, key.usageKeys(KeyUsage.TICKET));
        SecretKey bodyChecksums = key.checksumKey(KeyUsage.TGS_REQ_AUTHENTICATOR_CHECKSUM);
        assertSame(bodyChecksums, key.checksumKey(KeyUsage.TGS_REQ_AUTHENTICATOR_CHECKSUM));
        for (int usage = 100; usage < 100 + 2 * KerberosKey.CACHED_USAGES; usage++) {
            key.usageKeys(usage);
            key.checksumKey(usage);
        }
        assertSame(tickets, key.usageKeys(KeyUsage.TICKET));
        assertSame(bodyChecksums, key.checksumKey(KeyUsage.TGS_REQ_AUTHENTICATOR_CHECKSUM));
        // Past the cache's bound keys are still derived, just not kept.
        byte[] ciphertext = cipher.encrypt(key, 1000, TICKET);
        assertArrayEquals(TICKET, cipher.decrypt(KerberosKey.of(type, key.value()), 1000, ciphertext));
        byte[] checksum = cipher.checksum(key, 1000, TICKET);
        assertArrayEquals(checksum, cipher.checksum(KerberosKey.of(type, key.value()), 1000, TICKET));
    }
}
