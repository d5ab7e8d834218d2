package io.homeward.ike.internal.crypto;

import java.math.BigInteger;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDH on P-256 (RFC 5903 §7, §9) on Bouncy Castle's P-256 arithmetic with a precomputed comb for the base point:
 * the public value is x ‖ y, 32 octets each, without the 0x04 of SEC 1, and the shared secret the x-coordinate
 * alone. A peer value with a coordinate not below p or not on the curve is refused before any multiplication.
 */
final class Ecp256Exchange implements KeyExchange {
    static final int PUBLIC_LENGTH = 64;
    private static final int COORDINATE = 32;
    private static final ECDomainParameters P256 = ECNamedDomainParameters.lookup(SECObjectIdentifiers.secp256r1);

    private final ECPrivateKeyParameters privateKey;
    private final byte[] publicValue;

    /** An exchange with this private value, 0 < d < n; {@link #generate} makes a fresh one. */
    Ecp256Exchange(BigInteger d) {
        this.privateKey = new ECPrivateKeyParameters(d, P256);
        ECPoint own = new FixedPointCombMultiplier().multiply(P256.getG(), d).normalize();
        this.publicValue = new byte[PUBLIC_LENGTH];
        BigIntegers.asUnsignedByteArray(own.getAffineXCoord().toBigInteger(), publicValue, 0, COORDINATE);
        BigIntegers.asUnsignedByteArray(own.getAffineYCoord().toBigInteger(), publicValue, COORDINATE, COORDINATE);
    }

    static Ecp256Exchange generate(SecureRandom random) {
        return new Ecp256Exchange(BigIntegers.createRandomInRange(BigInteger.ONE, P256.getN().subtract(BigInteger.ONE),
                random));
    }

    @Override
    public KeyExchangeGroup group() {
        return KeyExchangeGroup.ECP_256;
    }

    @Override
    public byte[] publicValue() {
        return publicValue.clone();
    }

    @Override
    public byte[] sharedSecret(byte[] peerPublicValue) throws InvalidKeyException {
        if (peerPublicValue.length != PUBLIC_LENGTH) {
            throw new InvalidKeyException("an ECP-256 public value has 64 octets, not " + peerPublicValue.length);
        }
        ECPublicKeyParameters peer;
        try {
            peer = new ECPublicKeyParameters(P256.getCurve().validatePoint(
                    new BigInteger(1, Arrays.copyOfRange(peerPublicValue, 0, COORDINATE)),
                    new BigInteger(1, Arrays.copyOfRange(peerPublicValue, COORDINATE, PUBLIC_LENGTH))), P256);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeyException("ECP-256 public value is not a point of the curve", e);
        }
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(privateKey);
        try {
            return BigIntegers.asUnsignedByteArray(COORDINATE, agreement.calculateAgreement(peer));
        } catch (IllegalStateException e) {
            throw new InvalidKeyException("ECP-256 public value refused: " + e.getMessage(), e);
        }
    }
}
