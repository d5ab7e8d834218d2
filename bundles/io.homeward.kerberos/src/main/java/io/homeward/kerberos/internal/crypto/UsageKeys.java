package io.homeward.kerberos.internal.crypto;

import javax.crypto.SecretKey;

/**
 * The keys derived from a base key for one key usage that seal an EncryptedData (RFC 3961 §5.3): Ke encrypts, Ki
 * protects the integrity of the ciphertext. Kc, which keys a checksum, is derived apart, only for the usages that
 * checksum. Derived once per (key, usage) and kept in the {@link KerberosKey}.
 */
record UsageKeys(SecretKey encryption, SecretKey integrity) {
    /** The well-known constants that, after the key usage, select the key (RFC 3961 §5.3, RFC 8009 §5). */
    static final byte ENCRYPTION = (byte) 0xAA;
    static final byte INTEGRITY = 0x55;
    static final byte CHECKSUM = (byte) 0x99;

    /** The derivation label: the key usage as four octets, big-endian, then the key's constant. */
    static byte[] label(int usage, byte constant) {
        return new byte[] {(byte) (usage >>> 24), (byte) (usage >>> 16), (byte) (usage >>> 8), (byte) usage, constant};
    }
}
