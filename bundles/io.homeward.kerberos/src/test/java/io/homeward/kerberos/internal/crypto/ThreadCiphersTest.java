package io.homeward.kerberos.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class ThreadCiphersTest {
    private final Random random = new Random(3);

    @Test
    void keepsACipherForEachKeyInUseAndGivesTheLeastRecentlyUsedOneAway() {
        SecretKey[] keys = new SecretKey[ThreadCiphers.CIPHERS + 1];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key();
        }
        Cipher[] given = new Cipher[ThreadCiphers.CIPHERS];
        for (int i = 0; i < ThreadCiphers.CIPHERS; i++) {
            given[i] = ThreadCiphers.forKey(keys[i]);
        }
        for (int i = ThreadCiphers.CIPHERS - 1; i >= 0; i--) {
            assertSame(given[i], ThreadCiphers.forKey(keys[i]));
        }
        // keys[5] is now the least recently used: the new key gets its cipher.
        assertSame(given[ThreadCiphers.CIPHERS - 1], ThreadCiphers.forKey(keys[ThreadCiphers.CIPHERS]));
        assertSame(given[0], ThreadCiphers.forKey(keys[0]));
        assertNotSame(given[ThreadCiphers.CIPHERS - 1], ThreadCiphers.forKey(keys[ThreadCiphers.CIPHERS - 1]));
        assertNotSame(ThreadCiphers.oneOff(), ThreadCiphers.forKey(keys[1]));
    }

    @Test
    void everyKeyEncryptsAsAFreshCipherDoesWhateverTheOrderOfKeys() throws Exception {
        SecretKey[] keys = new SecretKey[2 * ThreadCiphers.CIPHERS];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key();
        }
        for (int round = 0; round < 200; round++) {
            SecretKey key = keys[random.nextInt(keys.length)];
            byte[] plaintext = new byte[16 + random.nextInt(64)];
            random.nextBytes(plaintext);
            byte[] ours = new byte[plaintext.length];
            AesCts.encrypt(key, plaintext, ours, plaintext.length);
            assertArrayEquals(reference(key, plaintext), ours);
            byte[] back = new byte[plaintext.length];
            AesCts.decrypt(keys[random.nextInt(keys.length)], ours, back, ours.length);
            AesCts.decrypt(key, ours, back, ours.length);
            assertArrayEquals(plaintext, back);
        }
    }

    /** CBC-CS3 from a new cipher: CBC over the zero-padded plaintext, the last two blocks swapped, truncated. */
    private static byte[] reference(SecretKey key, byte[] plaintext) throws Exception {
        int blocks = (plaintext.length + 15) / 16;
        Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
        cbc.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
        byte[] padded = Arrays.copyOf(plaintext, blocks * 16);
        byte[] chained = cbc.doFinal(padded);
        if (blocks == 1) {
            return chained;
        }
        byte[] out = new byte[plaintext.length];
        int tail = (blocks - 1) * 16;
        System.arraycopy(chained, 0, out, 0, tail - 16);
        System.arraycopy(chained, tail, out, tail - 16, 16);
        System.arraycopy(chained, tail - 16, out, tail, plaintext.length - tail);
        return out;
    }

    private SecretKey key() {
        byte[] octets = new byte[32];
        random.nextBytes(octets);
        return new SecretKeySpec(octets, "AES");
    }
}
