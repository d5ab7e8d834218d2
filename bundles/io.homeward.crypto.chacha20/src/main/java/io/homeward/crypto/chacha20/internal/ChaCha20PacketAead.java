package io.homeward.crypto.chacha20.internal;

import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.homeward.api.crypto.PacketAead;

/**
 * ChaCha20-Poly1305 for one direction of one SA (RFC 7634 §2): nonce = 4-byte salt || 8-byte
 * explicit IV, 16-byte Poly1305 tag. Keeps one Cipher and key; each packet costs only an init.
 */
final class ChaCha20PacketAead implements PacketAead {
    static final int KEY = 32;
    static final int SALT = 4;
    static final int TAG = 16;

    private final Cipher cipher;
    private final SecretKeySpec key;
    /** salt || IV; the salt part is fixed, the IV part is rewritten per packet. */
    private final byte[] nonce = new byte[SALT + 8];
    private boolean initialized;
    private long lastIv;

    ChaCha20PacketAead(byte[] keyMaterial) throws GeneralSecurityException {
        this.key = new SecretKeySpec(keyMaterial, 0, KEY, "ChaCha20");
        System.arraycopy(keyMaterial, KEY, nonce, 0, SALT);
        this.cipher = Cipher.getInstance("ChaCha20-Poly1305");
    }

    @Override
    public int seal(long iv, byte[] aad, int aadLength, byte[] in, int inOffset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException {
        start(Cipher.ENCRYPT_MODE, iv, aad, aadLength);
        return cipher.doFinal(in, inOffset, length, out, outOffset);
    }

    @Override
    public int open(long iv, byte[] aad, int aadLength, byte[] in, int inOffset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException {
        if (length < TAG) {
            throw new AEADBadTagException("a packet of " + length + " octets cannot hold the 16-octet ICV");
        }
        start(Cipher.DECRYPT_MODE, iv, aad, aadLength);
        return cipher.doFinal(in, inOffset, length, out, outOffset);
    }

    private void start(int mode, long iv, byte[] aad, int aadLength) throws GeneralSecurityException {
        if (mode == Cipher.DECRYPT_MODE && initialized && iv == lastIv) {
            // SunJCE refuses two inits in a row with one key and nonce, even to decrypt. A forged
            // packet must not block the genuine one with the same IV, so step through another nonce.
            init(mode, ~iv);
        }
        init(mode, iv);
        cipher.updateAAD(aad, 0, aadLength);
    }

    private void init(int mode, long iv) throws GeneralSecurityException {
        for (int i = 0; i < 8; i++) {
            nonce[SALT + i] = (byte) (iv >>> (56 - 8 * i));
        }
        cipher.init(mode, key, new IvParameterSpec(nonce));
        initialized = true;
        lastIv = iv;
    }
}
