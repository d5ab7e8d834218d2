package io.homeward.ike.internal.crypto;

import java.security.InvalidKeyException;
import java.security.SecureRandom;

import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * X25519 (RFC 8031 §2) on Bouncy Castle's RFC 7748 implementation, whose fixed-base multiplication makes a key pair
 * an order of magnitude cheaper than the JDK 17 provider's: the public value is the 32-octet little-endian
 * u-coordinate, the shared secret the 32-octet X25519 output, and an all-zero output is refused (§2.3). RFC 7748 §5:
 * the scalar is clamped and the peer's u-coordinate has its top bit masked and is reduced modulo p.
 */
final class X25519Exchange implements KeyExchange {
    static final int PUBLIC_LENGTH = X25519.POINT_SIZE;

    private final byte[] scalar;
    private final byte[] publicValue;

    /** An exchange with this 32-octet private scalar; {@link #generate} makes a fresh one. */
    X25519Exchange(byte[] scalar) {
        if (scalar.length != X25519.SCALAR_SIZE) {
            throw new IllegalArgumentException("an X25519 scalar has 32 octets, not " + scalar.length);
        }
        this.scalar = scalar.clone();
        this.publicValue = new byte[PUBLIC_LENGTH];
        X25519.scalarMultBase(this.scalar, 0, publicValue, 0);
    }

    static X25519Exchange generate(SecureRandom random) {
        byte[] scalar = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(random, scalar);
        return new X25519Exchange(scalar);
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
        byte[] secret = new byte[PUBLIC_LENGTH];
        if (!X25519.calculateAgreement(scalar, 0, peerPublicValue, 0, secret, 0)) {
            throw new InvalidKeyException("X25519 public value of small order gives an all-zero secret");
        }
        return secret;
    }
}
