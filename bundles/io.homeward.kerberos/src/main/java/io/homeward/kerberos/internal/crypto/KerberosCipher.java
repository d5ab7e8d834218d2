package io.homeward.kerberos.internal.crypto;

import java.util.random.RandomGenerator;

import org.bouncycastle.util.Arrays;

/**
 * Encryption, decryption and keyed checksums with {@link KerberosKey}s (the operations of RFC 3961 §3 and §4), for
 * the KDC, the AP exchange and PKINIT. Keys bring their own encryption type. The randomness for confounders and
 * session keys is injected: a {@link java.security.SecureRandom} in service, a seeded generator in tests.
 * Thread-safe when the generator is.
 */
public final class KerberosCipher {
    private final RandomGenerator random;

    public KerberosCipher(RandomGenerator random) {
        this.random = random;
    }

    /**
     * The EncryptedData cipher field for this plaintext: a fresh 16-octet confounder and the plaintext, encrypted,
     * then the MAC of {@link EncryptionType#checksumLength()} octets.
     *
     * @param usage the key usage number, one of {@link KeyUsage}
     */
    public byte[] encrypt(KerberosKey key, int usage, byte[] plaintext) {
        byte[] confounder = new byte[EncryptionProfile.CONFOUNDER_LENGTH];
        random.nextBytes(confounder);
        return key.type().profile().encrypt(key.usageKeys(usage), plaintext, confounder);
    }

    /**
     * The plaintext of an EncryptedData cipher field.
     *
     * @throws BadIntegrityException when the ciphertext is too short or fails its integrity check (wrong key or
     *         usage, or modified): KRB_AP_ERR_BAD_INTEGRITY
     */
    public byte[] decrypt(KerberosKey key, int usage, byte[] ciphertext) throws BadIntegrityException {
        return key.type().profile().decrypt(key.usageKeys(usage), ciphertext);
    }

    /** The keyed checksum of this data, of the key's {@link EncryptionType#checksumType()}. */
    public byte[] checksum(KerberosKey key, int usage, byte[] data) {
        return key.type().profile().checksum(key.checksumKey(usage), data);
    }

    /**
     * Whether a Checksum is this key's checksum of the data, compared in constant time; false also when its type
     * is not the key's checksum type or its length is wrong (KRB_AP_ERR_MODIFIED, or KRB_AP_ERR_INAPP_CKSUM for
     * a caller that tells the two apart by {@link EncryptionType#checksumType()}).
     */
    public boolean verifyChecksum(KerberosKey key, int usage, byte[] data, int checksumType, byte[] checksum) {
        if (checksumType != key.type().checksumType() || checksum.length != key.type().checksumLength()) {
            return false;
        }
        return Arrays.constantTimeAreEqual(checksum(key, usage, data), checksum);
    }

    /** A new random key, for example a ticket's session key (random-to-key of random octets, RFC 3961 §3). */
    public KerberosKey randomKey(EncryptionType type) {
        byte[] octets = new byte[type.keyLength()];
        random.nextBytes(octets);
        return new KerberosKey(type, octets);
    }
}
