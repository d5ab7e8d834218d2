package io.homeward.kerberos.internal.crypto;

import java.security.InvalidKeyException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

/**
 * A key of one encryption type (RFC 4120 §5.2.9 EncryptionKey), with the keys derived from it for each key usage
 * (RFC 3961 §5.3): Ke and Ki for the usages it seals with, Kc for the usages it checksums with, each derived only
 * when first needed. They are kept, for up to {@value #CACHED_USAGES} usages of each kind, so that a KDC holding its
 * ticket-granting and service keys derives them once rather than for every message; a derived key depends on this
 * key's octets and the usage alone, so another key or usage never gets it. Thread-safe; never shows its octets in
 * {@link #toString()}.
 */
public final class KerberosKey {
    static final int CACHED_USAGES = 16;

    private final EncryptionType type;
    private final byte[] value;
    private final Map<Integer, UsageKeys> sealing = new ConcurrentHashMap<>();
    private final Map<Integer, SecretKey> checksumming = new ConcurrentHashMap<>();

    /** Takes ownership of {@code value}, which must be {@link EncryptionType#keyLength()} octets. */
    KerberosKey(EncryptionType type, byte[] value) {
        this.type = type;
        this.value = value;
    }

    /**
     * The key with these octets, for example from an EncryptionKey on the wire. For both types this is also
     * random-to-key, the identity on {@link EncryptionType#keyLength()} random octets (RFC 3962 §6, RFC 8009 §2).
     *
     * @throws InvalidKeyException when the octets are not a key of this type
     */
    public static KerberosKey of(EncryptionType type, byte[] value) throws InvalidKeyException {
        if (value == null || value.length != type.keyLength()) {
            throw new InvalidKeyException(type + " keys are " + type.keyLength() + " octets, got "
                    + (value == null ? "none" : value.length));
        }
        return new KerberosKey(type, value.clone());
    }

    public EncryptionType type() {
        return type;
    }

    /** A copy of the key's octets, for an EncryptionKey on the wire or a keytab. */
    public byte[] value() {
        return value.clone();
    }

    /** Ke and Ki for this usage. */
    UsageKeys usageKeys(int usage) {
        UsageKeys keys = sealing.get(usage);
        if (keys == null) {
            keys = type.profile().usageKeys(value, usage);
            if (sealing.size() < CACHED_USAGES) {
                sealing.putIfAbsent(usage, keys);
            }
        }
        return keys;
    }

    /** Kc for this usage. */
    SecretKey checksumKey(int usage) {
        SecretKey key = checksumming.get(usage);
        if (key == null) {
            key = type.profile().derive(value, usage, UsageKeys.CHECKSUM);
            if (checksumming.size() < CACHED_USAGES) {
                checksumming.putIfAbsent(usage, key);
            }
        }
        return key;
    }

    @Override
    public String toString() {
        return type + " key";
    }
}
