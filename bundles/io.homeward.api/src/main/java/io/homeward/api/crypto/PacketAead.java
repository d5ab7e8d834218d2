package io.homeward.api.crypto;

import java.security.GeneralSecurityException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Seals and opens packets under one key. Not thread-safe: keep one per thread. The caller
 * guarantees that an IV is never used twice with one key (ESP uses the sequence number).
 */
@ProviderType
public interface PacketAead {

    /**
     * Encrypts {@code in[inOffset, inOffset+length)} and writes ciphertext then ICV to {@code out}.
     *
     * @return octets written: {@code length + icvLength}
     */
    int seal(long iv, byte[] aad, int aadLength, byte[] in, int inOffset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException;

    /**
     * Verifies and decrypts {@code in[inOffset, inOffset+length)} (ciphertext then ICV).
     *
     * @return plaintext octets written
     * @throws javax.crypto.AEADBadTagException when the ICV does not match
     */
    int open(long iv, byte[] aad, int aadLength, byte[] in, int inOffset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException;
}
