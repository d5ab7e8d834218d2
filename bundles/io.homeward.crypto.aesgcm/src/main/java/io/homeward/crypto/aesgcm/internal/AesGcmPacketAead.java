package io.homeward.crypto.aesgcm.internal;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.spec.GCMParameterSpec;

import io.homeward.kit.aead.SaltedCipherAead;

/** AES-GCM for one direction of one SA (RFC 4106 §4): salted 12-octet nonce, 16-byte ICV. */
final class AesGcmPacketAead extends SaltedCipherAead {
    static final int ICV_BITS = 128;

    AesGcmPacketAead(byte[] keyMaterial) throws GeneralSecurityException {
        super(keyMaterial, "AES", "AES/GCM/NoPadding", ICV_BITS / 8);
    }

    @Override
    protected AlgorithmParameterSpec parameters(byte[] nonce) {
        return new GCMParameterSpec(ICV_BITS, nonce);
    }
}
