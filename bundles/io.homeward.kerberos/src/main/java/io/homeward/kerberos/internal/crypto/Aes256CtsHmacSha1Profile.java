package io.homeward.kerberos.internal.crypto;

import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * aes256-cts-hmac-sha1-96 (RFC 3962): Ke, Ki and Kc derived with DK (RFC 3961 §5.1), the HMAC-SHA1 over the
 * confounded plaintext (RFC 3961 §5.3).
 */
final class Aes256CtsHmacSha1Profile extends EncryptionProfile {
    static final Aes256CtsHmacSha1Profile INSTANCE = new Aes256CtsHmacSha1Profile();

    private static final String HMAC = "HmacSHA1";

    private Aes256CtsHmacSha1Profile() {
        super(EncryptionType.AES256_CTS_HMAC_SHA1_96, HMAC);
    }

    @Override
    SecretKey derive(byte[] baseKey, int usage, byte constant) {
        return new SecretKeySpec(dk(baseKey, UsageKeys.label(usage, constant)),
                constant == UsageKeys.ENCRYPTION ? "AES" : HMAC);
    }

    @Override
    void integrityInput(Mac mac, byte[] confounded, byte[] ciphertext, int length) {
        mac.update(confounded, 0, length);
    }

    /**
     * DK(Key, Constant) = random-to-key(DR(Key, Constant)) with DR the constant, n-folded to a block, encrypted
     * with the base key again and again until there are enough octets for a key (RFC 3961 §5.1); random-to-key is
     * the identity for AES (RFC 3962 §6). The derived key is as long as the base key.
     */
    static byte[] dk(byte[] baseKey, byte[] constant) {
        SecretKey aes = new SecretKeySpec(baseKey, "AES");
        byte[] derived = new byte[baseKey.length + AesCts.BLOCK];
        AesCts.encryptBlock(aes, NFold.fold(constant, AesCts.BLOCK), 0, derived, 0);
        for (int offset = AesCts.BLOCK; offset < baseKey.length; offset += AesCts.BLOCK) {
            AesCts.encryptBlock(aes, derived, offset - AesCts.BLOCK, derived, offset);
        }
        return Arrays.copyOf(derived, baseKey.length);
    }
}
