package io.homeward.kerberos.internal.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * Each thread's few AES-CBC {@link Cipher}s, each kept for the key it was last given, the least recently used one
 * given to a new key. The runtime's AES expands a key into its round keys again whenever a cipher gets other key
 * octets; kept this way, the keys a KDC thread uses for every request (the ticket-granting and service keys) keep
 * theirs while each request's session keys come and go. A cipher is still initialized for every message. Keys used
 * for a block or two and dropped (a key derivation's base key) get a cipher of their own, so that they push out none.
 * A thread holds only the runtime's own types (keys and ciphers in turns, most recently used first), so a caller's
 * thread that outlives this bundle keeps nothing of its class loader.
 */
final class ThreadCiphers {
    /** Enough for a TGS exchange's four keys: the two long-term ones and the session key's two usages. */
    static final int CIPHERS = 6;

    private static final ThreadLocal<Object[]> KEYED = ThreadLocal.withInitial(() -> new Object[2 * CIPHERS]);
    private static final ThreadLocal<Cipher> ONE_OFF = ThreadLocal.withInitial(ThreadCiphers::newCipher);

    private ThreadCiphers() {
    }

    /** This thread's cipher that last had this very key, else its least recently used one, now this key's. */
    static Cipher forKey(SecretKey key) {
        Object[] keyed = KEYED.get();
        int chosen = CIPHERS - 1;
        for (int i = 0; i < CIPHERS; i++) {
            if (keyed[2 * i] == key) {
                chosen = i;
                break;
            }
        }
        Cipher cipher = keyed[2 * chosen + 1] instanceof Cipher kept ? kept : newCipher();
        System.arraycopy(keyed, 0, keyed, 2, 2 * chosen);
        keyed[0] = key;
        keyed[1] = cipher;
        return cipher;
    }

    /** This thread's cipher for keys used once. */
    static Cipher oneOff() {
        return ONE_OFF.get();
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/CBC/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has AES/CBC/NoPadding", e);
        }
    }
}
