package io.homeward.ike.internal.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;

import javax.crypto.KeyAgreement;

/**
 * X25519 on the JDK's XDH (RFC 8031 §2): the public value is the 32-octet little-endian u-coordinate, the shared
 * secret the 32-octet X25519 output, and an all-zero output is refused (§2.3).
 */
final class X25519Exchange implements KeyExchange {
    static final int PUBLIC_LENGTH = 32;
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    private final PrivateKey privateKey;
    private final byte[] publicValue;

    /** An exchange with this key pair; {@link #generate} makes a fresh one. */
    X25519Exchange(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicValue = littleEndian(((XECPublicKey) pair.getPublic()).getU());
    }

    static X25519Exchange generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
            generator.initialize(NamedParameterSpec.X25519, random);
            return new X25519Exchange(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the platform lacks X25519", e);
        }
    }

    @Override
    public KeyExchangeGroup group() {
        return KeyExchangeGroup.CURVE25519;
    }

    @Override
    public byte[] publicValue() {
        return publicValue.clone();
    }

    @Override
    public byte[] sharedSecret(byte[] peerPublicValue) throws InvalidKeyException {
        if (peerPublicValue.length != PUBLIC_LENGTH) {
            throw new InvalidKeyException("an X25519 public value has 32 octets, not " + peerPublicValue.length);
        }
        byte[] secret;
        try {
            KeyFactory factory = KeyFactory.getInstance("X25519");
            PublicKey peer = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519,
                    fromLittleEndian(peerPublicValue)));
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(privateKey);
            agreement.doPhase(peer, true);
            secret = agreement.generateSecret();
        } catch (InvalidKeyException | IllegalStateException e) {
            throw new InvalidKeyException("X25519 public value refused: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the platform lacks X25519", e);
        }
        if (isZero(secret)) {
            throw new InvalidKeyException("X25519 public value of small order gives an all-zero secret");
        }
        return secret;
    }

    /** The u-coordinate of RFC 7748 §5: little-endian, top bit masked, reduced modulo p. */
    private static BigInteger fromLittleEndian(byte[] u) {
        byte[] bigEndian = new byte[u.length];
        for (int i = 0; i < u.length; i++) {
            bigEndian[i] = u[u.length - 1 - i];
        }
        bigEndian[0] &= 0x7F;
        return new BigInteger(1, bigEndian).mod(P);
    }

    private static byte[] littleEndian(BigInteger u) {
        byte[] bigEndian = u.toByteArray();
        byte[] out = new byte[PUBLIC_LENGTH];
        for (int i = 0; i < PUBLIC_LENGTH && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    private static boolean isZero(byte[] value) {
        int any = 0;
        for (byte b : value) {
            any |= b;
        }
        return any == 0;
    }
}
