package io.homeward.kit.aead;

import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;

import javax.crypto.spec.GCMParameterSpec;

/** The smallest real subclass: AES-GCM with a 16-octet tag, as RFC 4106 uses it. */
final class GcmForTest extends SaltedCipherAead {
    int begins;

    GcmForTest(byte[] keyMaterial) throws GeneralSecurityException {
        super(keyMaterial, "AES", "AES/GCM/NoPadding", 16);
    }

    @Override
    protected AlgorithmParameterSpec parameters(byte[] nonce) {
        return new GCMParameterSpec(128, nonce);
    }

    @Override
    protected void begin(int mode, long iv) throws GeneralSecurityException {
        begins++;
        super.begin(mode, iv);
    }
}
