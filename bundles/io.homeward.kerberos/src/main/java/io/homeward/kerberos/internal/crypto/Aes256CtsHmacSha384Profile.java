package io.homeward.kerberos.internal.crypto;

import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * aes256-cts-hmac-sha384-192 (RFC 8009): Ke (256 bits), Ki and Kc (192 bits) derived with KDF-HMAC-SHA2, the
 * HMAC-SHA-384 over the zero IV and the ciphertext (RFC 8009 §5).
 */
final class Aes256CtsHmacSha384Profile extends EncryptionProfile {
    static final Aes256CtsHmacSha384Profile INSTANCE = new Aes256CtsHmacSha384Profile();

    private static final String HMAC = "HmacSHA384";
    private static final byte[] ZERO_IV = new byte[AesCts.BLOCK];
    private static final byte[] COUNTER = {0, 0, 0, 1};
    private static final int ENCRYPTION_KEY_BITS = 256;
    private static final int INTEGRITY_KEY_BITS = 192;

    private Aes256CtsHmacSha384Profile() {
        super(EncryptionType.AES256_CTS_HMAC_SHA384_192, HMAC);
    }

    /**
     * KDF-HMAC-SHA2(key, label, k) = k-truncate(HMAC-SHA-384(key, 00000001 ‖ label ‖ 00 ‖ k)), SP 800-108 in
     * counter mode with k, in bits, as four octets big-endian (RFC 8009 §3); one iteration, as k is at most 384.
     */
    @Override
    SecretKey derive(byte[] baseKey, int usage, byte constant) {
        boolean encryption = constant == UsageKeys.ENCRYPTION;
        int bits = encryption ? ENCRYPTION_KEY_BITS : INTEGRITY_KEY_BITS;
        Mac mac = keyed(new SecretKeySpec(baseKey, HMAC));
        mac.update(COUNTER);
        mac.update(UsageKeys.label(usage, constant));
        mac.update(new byte[] {0, (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
        return new SecretKeySpec(Arrays.copyOf(mac.doFinal(), bits / 8), encryption ? "AES" : HMAC);
    }

    @Override
    void integrityInput(Mac mac, byte[] confounded, byte[] ciphertext, int length) {
        mac.update(ZERO_IV, 0, ZERO_IV.length);
        mac.update(ciphertext, 0, length);
    }
}
