package io.homeward.kerberos.internal.pkinit;

import java.math.BigInteger;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.BasicAgreement;
import org.bouncycastle.crypto.agreement.DHBasicAgreement;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DHPublicKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.util.BigIntegers;

/** One side's (EC)DH key pair for one exchange, never reused. */
final class EphemeralKey {
    private final KeyAgreementGroup group;
    private final AsymmetricCipherKeyPair pair;

    EphemeralKey(KeyAgreementGroup group, AsymmetricCipherKeyPair pair) {
        this.group = group;
        this.pair = pair;
    }

    KeyAgreementGroup group() {
        return group;
    }

    /**
     * The public value as the BIT STRING of a SubjectPublicKeyInfo or KDCDHKeyInfo carries it: a DER INTEGER for DH
     * (RFC 4556 §3.2.3.1), the uncompressed point for ECDH (RFC 5349 §4, RFC 5480 §2.2).
     */
    byte[] publicValue() {
        if (group.finiteField()) {
            return Der.encode(new ASN1Integer(((DHPublicKeyParameters) pair.getPublic()).getY()));
        }
        return ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false);
    }

    /**
     * The shared secret: for DH left-padded with zeros to the modulus' length (RFC 4556 §3.2.3.1), for ECDH the x
     * coordinate of the shared point in the field's length (RFC 5349 §4).
     */
    byte[] agree(AsymmetricKeyParameter peer) {
        BasicAgreement agreement = group.finiteField() ? new DHBasicAgreement() : new ECDHBasicAgreement();
        agreement.init(pair.getPrivate());
        BigInteger secret = agreement.calculateAgreement(peer);
        return BigIntegers.asUnsignedByteArray(group.secretLength(), secret);
    }
}
