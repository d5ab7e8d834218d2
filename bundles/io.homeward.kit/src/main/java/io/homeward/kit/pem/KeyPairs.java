package io.homeward.kit.pem;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;

/** New key pairs of the kinds Homeward's certificates use. */
public final class KeyPairs {
    private KeyPairs() {
    }

    /** An ECDSA key pair on NIST P-256 ({@code secp256r1}, RFC 5480 §2.1.1.1). */
    public static KeyPair p256(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has EC P-256", e);
        }
    }
}
