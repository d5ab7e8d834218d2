package io.homeward.kerberos.internal.crypto;

import java.util.Optional;

/**
 * The encryption types this host's Kerberos speaks, by their assigned numbers (RFC 3961 §8): AES-256 with
 * ciphertext stealing and HMAC-SHA1-96 (RFC 3962) and AES-256 with HMAC-SHA-384-192 (RFC 8009). Each comes with
 * its keyed checksum type, the one RFC 4120 §7.2.1 requires for checksums made with a key of this type.
 */
public enum EncryptionType {
    /** RFC 3962 §7: checksum type 16 hmac-sha1-96-aes256, 96-bit MAC. */
    AES256_CTS_HMAC_SHA1_96(18, 16, 12),
    /** RFC 8009 §8: checksum type 20 hmac-sha384-192-aes256, 192-bit MAC. */
    AES256_CTS_HMAC_SHA384_192(20, 20, 24);

    /** Both types take a 256-bit AES key, and random-to-key is the identity (RFC 3962 §6, RFC 8009 §2). */
    private static final int KEY_LENGTH = 32;

    private final int number;
    private final int checksumType;
    private final int checksumLength;

    EncryptionType(int number, int checksumType, int checksumLength) {
        this.number = number;
        this.checksumType = checksumType;
        this.checksumLength = checksumLength;
    }

    /** The etype number carried in EncryptedData, EncryptionKey and the KDC-REQ-BODY's etype list. */
    public int number() {
        return number;
    }

    /** The cksumtype number of this type's keyed checksum, carried in Checksum. */
    public int checksumType() {
        return checksumType;
    }

    /** Octets of this type's checksums and of the MAC that ends each ciphertext. */
    public int checksumLength() {
        return checksumLength;
    }

    /** Octets of a key, and of the random input random-to-key takes (PKINIT's octetstring2key, RFC 4556 §3.2.3.1). */
    public int keyLength() {
        return KEY_LENGTH;
    }

    /** The type with this number, or empty when this host does not speak it. */
    public static Optional<EncryptionType> of(int number) {
        for (EncryptionType type : values()) {
            if (type.number == number) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    EncryptionProfile profile() {
        return switch (this) {
            case AES256_CTS_HMAC_SHA1_96 -> Aes256CtsHmacSha1Profile.INSTANCE;
            case AES256_CTS_HMAC_SHA384_192 -> Aes256CtsHmacSha384Profile.INSTANCE;
        };
    }
}
