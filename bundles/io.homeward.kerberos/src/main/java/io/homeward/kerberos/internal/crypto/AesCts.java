package io.homeward.kerberos.internal.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * AES in CBC mode with ciphertext stealing and a zero IV, as Kerberos uses it (RFC 3962 §5, RFC 8009 §5): the
 * ciphertext is as long as the plaintext, at least one block; a single block is encrypted as it is, otherwise the
 * last two ciphertext blocks are swapped and the final one truncated (NIST SP 800-38A Addendum CBC-CS3). Built on
 * the Java runtime's AES-CBC, which uses the processor's AES instructions, with {@link ThreadCiphers}.
 */
final class AesCts {
    static final int BLOCK = 16;

    private static final IvParameterSpec ZERO_IV = new IvParameterSpec(new byte[BLOCK]);

    private AesCts() {
    }

    /**
     * Encrypts {@code length} octets of {@code in} (at least one block) into the start of {@code out}: CBC over the
     * plaintext padded with zeros to whole blocks, then the last two blocks swapped and the final one truncated.
     */
    static void encrypt(SecretKey key, byte[] in, byte[] out, int length) {
        int blocks = blocks(length);
        if (blocks == 1) {
            process(cbc(Cipher.ENCRYPT_MODE, key), in, 0, BLOCK, out, 0);
            return;
        }
        int tail = (blocks - 1) * BLOCK;
        byte[] padded = new byte[blocks * BLOCK];
        System.arraycopy(in, 0, padded, 0, length);
        process(cbc(Cipher.ENCRYPT_MODE, key), padded, 0, padded.length, padded, 0);
        System.arraycopy(padded, 0, out, 0, tail - BLOCK);
        System.arraycopy(padded, tail, out, tail - BLOCK, BLOCK);
        System.arraycopy(padded, tail - BLOCK, out, tail, length - tail);
    }

    /**
     * Decrypts {@code length} octets of {@code in} (at least one block) into the start of {@code out}: the final
     * full block on the wire decrypts to the padded last plaintext block XOR the stolen block, whose truncated part
     * it restores; with the two blocks back in CBC order, CBC decrypts the whole.
     */
    static void decrypt(SecretKey key, byte[] in, byte[] out, int length) {
        int blocks = blocks(length);
        // CBC with the zero IV decrypts a lone block as the block cipher does, and after each doFinal starts again
        // from that IV.
        Cipher cbc = cbc(Cipher.DECRYPT_MODE, key);
        if (blocks == 1) {
            process(cbc, in, 0, BLOCK, out, 0);
            return;
        }
        int tail = (blocks - 1) * BLOCK;
        byte[] ordered = new byte[blocks * BLOCK];
        System.arraycopy(in, 0, ordered, 0, tail - BLOCK);
        process(cbc, in, tail - BLOCK, BLOCK, ordered, tail - BLOCK);
        System.arraycopy(in, tail, ordered, tail - BLOCK, length - tail);
        System.arraycopy(in, tail - BLOCK, ordered, tail, BLOCK);
        process(cbc, ordered, 0, ordered.length, ordered, 0);
        System.arraycopy(ordered, 0, out, 0, length);
    }

    /** AES of one block, as CBC with the zero IV makes it: DK's DR steps (RFC 3961 §5.1), with a key used once. */
    static void encryptBlock(SecretKey key, byte[] in, int offset, byte[] out, int outOffset) {
        process(init(ThreadCiphers.oneOff(), Cipher.ENCRYPT_MODE, key), in, offset, BLOCK, out, outOffset);
    }

    private static int blocks(int length) {
        if (length < BLOCK) {
            throw new IllegalArgumentException("AES-CTS needs at least one block, got " + length + " octets");
        }
        return (length + BLOCK - 1) / BLOCK;
    }

    /** This thread's AES-CBC for this key, initialized with the zero IV. */
    private static Cipher cbc(int mode, SecretKey key) {
        return init(ThreadCiphers.forKey(key), mode, key);
    }

    private static Cipher init(Cipher cbc, int mode, SecretKey key) {
        try {
            cbc.init(mode, key, ZERO_IV);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES refuses the key: " + e.getMessage(), e);
        }
        return cbc;
    }

    /** Whole blocks through an initialized cipher; {@code in} and {@code out} may be the same array. */
    private static void process(Cipher cipher, byte[] in, int offset, int length, byte[] out, int outOffset) {
        try {
            cipher.doFinal(in, offset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed on whole blocks: " + e.getMessage(), e);
        }
    }
}
