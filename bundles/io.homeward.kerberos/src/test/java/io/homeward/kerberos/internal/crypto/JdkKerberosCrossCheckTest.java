package io.homeward.kerberos.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ours against the JDK's Kerberos, in both directions, for both encryption types: no published vector encrypts
 * with aes256-cts-hmac-sha1-96, and the RFC 8009 vectors cover only key usage 2.
 */
class JdkKerberosCrossCheckTest {
    private static final int[] LENGTHS = {0, 1, 15, 16, 17, 31, 32, 33, 100};
    private static final int[] USAGES = {KeyUsage.AS_REQ_TIMESTAMP, KeyUsage.TICKET, KeyUsage.AS_REP_ENC_PART,
        KeyUsage.TGS_REQ_AUTHENTICATOR, KeyUsage.TGS_REP_ENC_PART_SUBKEY, KeyUsage.AP_REQ_AUTHENTICATOR,
        KeyUsage.AP_REP_ENC_PART, KeyUsage.GSS_INITIATOR_SEAL, 1025};

    private final Random random = new Random(3961);
    private final KerberosCipher cipher = new KerberosCipher(random);

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void theJdkDecryptsOurs(EncryptionType type) throws Exception {
        KerberosKey key = cipher.randomKey(type);
        for (int usage : USAGES) {
            for (int length : LENGTHS) {
                byte[] plaintext = plaintext(length);
                byte[] ciphertext = cipher.encrypt(key, usage, plaintext);
                assertArrayEquals(plaintext, JdkKerberos.decrypt(key, usage, ciphertext),
                        "usage " + usage + ", length " + length);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void weDecryptTheJdks(EncryptionType type) throws Exception {
        KerberosKey key = cipher.randomKey(type);
        for (int usage : USAGES) {
            for (int length : LENGTHS) {
                byte[] plaintext = plaintext(length);
                byte[] ciphertext = JdkKerberos.encrypt(key, usage, plaintext);
                assertArrayEquals(plaintext, cipher.decrypt(key, usage, ciphertext),
                        "usage " + usage + ", length " + length);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void theJdkRefusesOursUnderAnotherUsage(EncryptionType type) {
        KerberosKey key = cipher.randomKey(type);
        byte[] ciphertext = cipher.encrypt(key, KeyUsage.TICKET, plaintext(33));
        assertThrows(Exception.class, () -> JdkKerberos.decrypt(key, KeyUsage.AS_REP_ENC_PART, ciphertext));
    }

    @ParameterizedTest
    @EnumSource(EncryptionType.class)
    void checksumsAgree(EncryptionType type) throws Exception {
        KerberosKey key = cipher.randomKey(type);
        for (int usage : new int[] {KeyUsage.TGS_REQ_AUTHENTICATOR_CHECKSUM, KeyUsage.AP_REQ_AUTHENTICATOR_CHECKSUM,
            KeyUsage.GSS_ACCEPTOR_SIGN, KeyUsage.AS_REQ_CHECKSUM}) {
            for (int length : LENGTHS) {
                byte[] data = plaintext(length);
                byte[] ours = cipher.checksum(key, usage, data);
                assertArrayEquals(JdkKerberos.checksum(key, usage, data), ours, "usage " + usage + ", length " + length);
                assertTrue(JdkKerberos.verifyChecksum(key, usage, data, ours));
            }
        }
    }

    private byte[] plaintext(int length) {
        byte[] plaintext = new byte[length];
        random.nextBytes(plaintext);
        return plaintext;
    }
}
