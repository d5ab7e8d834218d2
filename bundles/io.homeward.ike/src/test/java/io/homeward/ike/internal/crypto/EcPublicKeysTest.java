package io.homeward.ike.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.junit.jupiter.api.Test;

/** JCA EC public keys as Bouncy Castle's parameters: the same point, remembered, and refused off the curve. */
class EcPublicKeysTest {

    @Test
    void aKeyIsItsPointOnItsNamedCurveAndIsRemembered() throws GeneralSecurityException {
        ECPublicKey key = (ECPublicKey) p256().getPublic();

        ECPublicKeyParameters parameters = EcPublicKeys.of(key);

        assertEquals(key.getW().getAffineX(), parameters.getQ().getAffineXCoord().toBigInteger());
        assertEquals(key.getW().getAffineY(), parameters.getQ().getAffineYCoord().toBigInteger());
        assertEquals(key.getParams().getOrder(), parameters.getParameters().getN());
        assertSame(parameters, EcPublicKeys.of(key));
    }

    @Test
    void aPointOffTheCurveIsRefused() throws GeneralSecurityException {
        byte[] encoded = p256().getPublic().getEncoded();
        encoded[encoded.length - 1] ^= 1;
        PublicKey forged = new PublicKey() {
            @Override
            public String getAlgorithm() {
                return "EC";
            }

            @Override
            public String getFormat() {
                return "X.509";
            }

            @Override
            public byte[] getEncoded() {
                return encoded.clone();
            }
        };

        InvalidKeyException refusal = assertThrows(InvalidKeyException.class, () -> EcPublicKeys.of(forged));
        assertTrue(refusal.getMessage().startsWith("unreadable EC public key"), refusal.getMessage());
    }

    private static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
