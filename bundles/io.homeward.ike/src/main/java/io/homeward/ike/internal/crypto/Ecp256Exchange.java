package io.homeward.ike.internal.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.util.Arrays;

import javax.crypto.KeyAgreement;

import io.homeward.kit.pem.KeyPairs;

/**
 * ECDH on P-256 (RFC 5903 §7, §9): the public value is x ‖ y, 32 octets each, without the 0x04 of SEC 1, and the
 * shared secret the x-coordinate alone. A peer value not on the curve is refused before any arithmetic.
 */
final class Ecp256Exchange implements KeyExchange {
    static final int PUBLIC_LENGTH = 64;
    private static final int COORDINATE = 32;

    private final PrivateKey privateKey;
    private final ECParameterSpec parameters;
    private final byte[] publicValue;

    /** An exchange with this key pair; {@link #generate} makes a fresh one. */
    Ecp256Exchange(KeyPair pair) {
        ECPublicKey own = (ECPublicKey) pair.getPublic();
        this.privateKey = pair.getPrivate();
        this.parameters = own.getParams();
        this.publicValue = new byte[PUBLIC_LENGTH];
        unsigned(own.getW().getAffineX(), publicValue, 0);
        unsigned(own.getW().getAffineY(), publicValue, COORDINATE);
    }

    static Ecp256Exchange generate(SecureRandom random) {
        return new Ecp256Exchange(KeyPairs.p256(random));
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
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(peerPublicValue, 0, COORDINATE));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(peerPublicValue, COORDINATE, PUBLIC_LENGTH));
        if (!onCurve(x, y)) {
            throw new InvalidKeyException("ECP-256 public value is not a point of the curve");
        }
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(privateKey);
            agreement.doPhase(KeyFactory.getInstance("EC").generatePublic(
                    new ECPublicKeySpec(new ECPoint(x, y), parameters)), true);
            return agreement.generateSecret();
        } catch (InvalidKeyException | IllegalStateException e) {
            throw new InvalidKeyException("ECP-256 public value refused: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the platform lacks ECDH", e);
        }
    }

    /** y² = x³ + ax + b (mod p), with both coordinates below p. */
    private boolean onCurve(BigInteger x, BigInteger y) {
        EllipticCurve curve = parameters.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    private static void unsigned(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, COORDINATE);
        System.arraycopy(bytes, bytes.length - length, out, offset + COORDINATE - length, length);
    }
}
