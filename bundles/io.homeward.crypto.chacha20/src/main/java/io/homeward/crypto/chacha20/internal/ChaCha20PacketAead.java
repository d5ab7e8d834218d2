package io.homeward.crypto.chacha20.internal;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

import io.homeward.kit.aead.SaltedCipherAead;

/** ChaCha20-Poly1305 for one direction of one SA (RFC 7634 §2): salted 12-octet nonce, 16-byte Poly1305 tag. */
final class ChaCha20PacketAead extends SaltedCipherAead {
    static final int KEY = 32;
    static final int TAG = 16;

    private boolean initialized;
    private long lastIv;

    ChaCha20PacketAead(byte[] keyMaterial) throws GeneralSecurityException {
        super(keyMaterial, "ChaCha20", "ChaCha20-Poly1305", TAG);
    }

    @Override
    protected AlgorithmParameterSpec parameters(byte[] nonce) {
        return new IvParameterSpec(nonce);
    }

    @Override
    protected void begin(int mode, long iv) throws GeneralSecurityException {
        if (mode == Cipher.DECRYPT_MODE && initialized && iv == lastIv) {
            // SunJCE refuses two inits in a row with one key and nonce, even to decrypt. A forged
            // packet must not block the genuine one with the same IV, so step through another nonce.
            init(mode, ~iv);
        }
        init(mode, iv);
        initialized = true;
        lastIv = iv;
    }
}
