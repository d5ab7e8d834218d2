package io.homeward.kerberos.internal.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.bouncycastle.util.Arrays;

/**
 * One encryption type's cryptosystem in the simplified profile of RFC 3961 §5.3: a random confounder is prepended
 * to the plaintext, the result encrypted with AES-CTS under Ke, and an HMAC under Ki appended, truncated to the
 * type's checksum length; checksums are the same HMAC under Kc. The types differ in how Ke, Ki and Kc are derived
 * and in what the HMAC covers. Thread-safe; the HMAC is the Java runtime's, one {@link Mac} per thread.
 */
abstract sealed class EncryptionProfile permits Aes256CtsHmacSha1Profile, Aes256CtsHmacSha384Profile {
    /** The confounder is one cipher block (RFC 3962 §6, RFC 8009 §5). */
    static final int CONFOUNDER_LENGTH = AesCts.BLOCK;

    private final EncryptionType type;
    private final ThreadLocal<Mac> hmac;

    EncryptionProfile(EncryptionType type, String hmacAlgorithm) {
        this.type = type;
        this.hmac = ThreadLocal.withInitial(() -> {
            try {
                return Mac.getInstance(hmacAlgorithm);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has " + hmacAlgorithm, e);
            }
        });
    }

    /** The key for this usage and constant ({@link UsageKeys#ENCRYPTION}, INTEGRITY or CHECKSUM). */
    abstract SecretKey derive(byte[] baseKey, int usage, byte constant);

    /**
     * Feeds the HMAC the octets the integrity check covers, given the confounded plaintext and its ciphertext
     * (each {@code length} octets).
     */
    abstract void integrityInput(Mac mac, byte[] confounded, byte[] ciphertext, int length);

    /** Ke and Ki for this usage. */
    final UsageKeys usageKeys(byte[] baseKey, int usage) {
        return new UsageKeys(derive(baseKey, usage, UsageKeys.ENCRYPTION), derive(baseKey, usage, UsageKeys.INTEGRITY));
    }

    final byte[] encrypt(UsageKeys keys, byte[] plaintext, byte[] confounder) {
        int length = CONFOUNDER_LENGTH + plaintext.length;
        byte[] confounded = new byte[length];
        System.arraycopy(confounder, 0, confounded, 0, CONFOUNDER_LENGTH);
        System.arraycopy(plaintext, 0, confounded, CONFOUNDER_LENGTH, plaintext.length);
        byte[] ciphertext = new byte[length + type.checksumLength()];
        AesCts.encrypt(keys.encryption(), confounded, ciphertext, length);
        byte[] mac = integrity(keys, confounded, ciphertext, length);
        System.arraycopy(mac, 0, ciphertext, length, type.checksumLength());
        return ciphertext;
    }

    final byte[] decrypt(UsageKeys keys, byte[] ciphertext) throws BadIntegrityException {
        int minimum = CONFOUNDER_LENGTH + type.checksumLength();
        if (ciphertext.length < minimum) {
            throw new BadIntegrityException(type + " ciphertext is " + ciphertext.length
                    + " octets, shorter than its confounder and checksum (" + minimum + ")");
        }
        int length = ciphertext.length - type.checksumLength();
        byte[] confounded = new byte[length];
        AesCts.decrypt(keys.encryption(), ciphertext, confounded, length);
        byte[] mac = integrity(keys, confounded, ciphertext, length);
        if (!Arrays.constantTimeAreEqual(type.checksumLength(), mac, 0, ciphertext, length)) {
            throw new BadIntegrityException(type + " ciphertext fails its integrity check: the wrong key or key usage,"
                    + " or a modified message");
        }
        return Arrays.copyOfRange(confounded, CONFOUNDER_LENGTH, length);
    }

    /** The checksum under Kc, {@link EncryptionType#checksumLength()} octets. */
    final byte[] checksum(SecretKey checksumKey, byte[] data) {
        Mac mac = keyed(checksumKey);
        mac.update(data, 0, data.length);
        return Arrays.copyOf(mac.doFinal(), type.checksumLength());
    }

    private byte[] integrity(UsageKeys keys, byte[] confounded, byte[] ciphertext, int length) {
        Mac mac = keyed(keys.integrity());
        integrityInput(mac, confounded, ciphertext, length);
        return mac.doFinal();
    }

    /** This thread's HMAC keyed with this key. */
    final Mac keyed(SecretKey key) {
        Mac mac = hmac.get();
        try {
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC refuses the key: " + e.getMessage(), e);
        }
        return mac;
    }
}
