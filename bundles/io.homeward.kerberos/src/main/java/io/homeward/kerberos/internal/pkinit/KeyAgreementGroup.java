package io.homeward.kerberos.internal.pkinit;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.DomainParameters;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.DHKeyPairGenerator;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DHKeyGenerationParameters;
import org.bouncycastle.crypto.params.DHParameters;
import org.bouncycastle.crypto.params.DHPublicKeyParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The key agreement groups PKINIT takes here (docs/kerberos.md "PKINIT"): finite-field Diffie-Hellman in the 2048-bit
 * MODP group 14 (RFC 3526 §3; what MIT 1.20's client sends by default, RFC 4556 §3.2.1 encodes it as X9.42
 * dhpublicnumber) and ECDH on P-256, P-384 and P-521 (RFC 5349 §4). Anything else, smaller MODP groups included, is
 * refused with KDC_ERR_DH_KEY_PARAMETERS_NOT_ACCEPTED and {@link #acceptedGroups() the groups accepted}.
 */
public enum KeyAgreementGroup {
    MODP_2048(null),
    P_256(SECObjectIdentifiers.secp256r1),
    P_384(SECObjectIdentifiers.secp384r1),
    P_521(SECObjectIdentifiers.secp521r1);

    /** TD-DH-PARAMETERS, RFC 4556 §3.2.2. */
    private static final int TD_DH_PARAMETERS = 109;
    /**
     * Bits of a private DH value: twice the group's 112-bit security strength and more (NIST SP 800-56A Rev. 3
     * §5.6.1.1.4, RFC 7919 §5.2), not the 2047 of the whole subgroup, so key generation and agreement are about eight
     * times cheaper, as OpenSSL (MIT's KDC and client) does for this group.
     */
    private static final int PRIVATE_VALUE_BITS = 256;
    private static final BigInteger GROUP_14_Q = DHStandardGroups.rfc3526_2048.getP().shiftRight(1);
    private static final DHParameters GROUP_14 = new DHParameters(DHStandardGroups.rfc3526_2048.getP(),
            DHStandardGroups.rfc3526_2048.getG(), GROUP_14_Q, PRIVATE_VALUE_BITS);

    private final ASN1ObjectIdentifier curve;

    KeyAgreementGroup(ASN1ObjectIdentifier curve) {
        this.curve = curve;
    }

    /** The group of a client's public value, or KDC_ERR_DH_KEY_PARAMETERS_NOT_ACCEPTED. */
    static KeyAgreementGroup of(AlgorithmIdentifier algorithm) throws PkinitException {
        ASN1ObjectIdentifier type = algorithm.getAlgorithm();
        ASN1Encodable parameters = algorithm.getParameters();
        try {
            if (type.equals(X9ObjectIdentifiers.dhpublicnumber) && parameters != null) {
                DomainParameters domain = DomainParameters.getInstance(parameters);
                if (domain.getP().equals(GROUP_14.getP()) && domain.getG().equals(GROUP_14.getG())
                        && (domain.getQ() == null || domain.getQ().equals(GROUP_14_Q))) {
                    return MODP_2048;
                }
                throw notAccepted("a " + domain.getP().bitLength() + "-bit group other than MODP group 14");
            }
            if (type.equals(X9ObjectIdentifiers.id_ecPublicKey) && parameters instanceof ASN1ObjectIdentifier named) {
                for (KeyAgreementGroup group : values()) {
                    if (named.equals(group.curve)) {
                        return group;
                    }
                }
                throw notAccepted("the curve " + named);
            }
        } catch (RuntimeException e) {
            throw notAccepted("unreadable domain parameters");
        }
        throw notAccepted("the key type " + type);
    }

    /** A fresh key pair of this group. */
    EphemeralKey generate(SecureRandom random) {
        if (this == MODP_2048) {
            DHKeyPairGenerator generator = new DHKeyPairGenerator();
            generator.init(new DHKeyGenerationParameters(random, GROUP_14));
            return new EphemeralKey(this, generator.generateKeyPair());
        }
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(ecDomain(), random));
        return new EphemeralKey(this, generator.generateKeyPair());
    }

    /**
     * The peer's public value from the BIT STRING of its SubjectPublicKeyInfo or KDCDHKeyInfo: for DH a DER INTEGER y
     * with 1 &lt; y &lt; p−1 and y^q ≡ 1 (mod p) (RFC 2631 §2.1.5; p is a safe prime), for ECDH a point on the curve
     * other than infinity.
     */
    AsymmetricKeyParameter peerPublicValue(byte[] bits) throws PkinitException {
        try {
            if (this == MODP_2048) {
                ASN1Primitive value = ASN1Primitive.fromByteArray(bits);
                if (!(value instanceof ASN1Integer integer)) {
                    throw new PkinitException(PkinitError.PREAUTH_FAILED, "the DH public value is not an INTEGER");
                }
                try {
                    // Bouncy Castle refuses y outside [2, p−2] and, p being a safe prime, one whose Legendre symbol is
                    // not 1, which is y^q ≡ 1 (mod p) (Euler's criterion) without a 2047-bit exponentiation.
                    return new DHPublicKeyParameters(integer.getValue(), GROUP_14);
                } catch (IllegalArgumentException e) {
                    throw new PkinitException(PkinitError.PREAUTH_FAILED, "the DH public value is not in the group");
                }
            }
            ECDomainParameters domain = ecDomain();
            ECPoint point = domain.getCurve().decodePoint(bits);
            if (point.isInfinity() || !point.isValid()) {
                throw new PkinitException(PkinitError.PREAUTH_FAILED, "the ECDH public value is not on the curve");
            }
            return new ECPublicKeyParameters(point, domain);
        } catch (IOException | RuntimeException e) {
            throw new PkinitException(PkinitError.PREAUTH_FAILED, "unreadable " + this + " public value");
        }
    }

    /** The group's AlgorithmIdentifier in a SubjectPublicKeyInfo and in TD-DH-PARAMETERS. */
    AlgorithmIdentifier algorithm() {
        if (this == MODP_2048) {
            return new AlgorithmIdentifier(X9ObjectIdentifiers.dhpublicnumber,
                    new DomainParameters(GROUP_14.getP(), GROUP_14.getG(), GROUP_14_Q, null, null));
        }
        return new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve);
    }

    /** Octets of the shared secret: the modulus' length for DH (RFC 4556 §3.2.3.1), the field's for ECDH. */
    int secretLength() {
        return this == MODP_2048 ? (GROUP_14.getP().bitLength() + 7) / 8
                : ecDomain().getCurve().getFieldElementEncodingLength();
    }

    /** Bouncy Castle's own implementation of the curve (CustomNamedCurves), several times faster than the generic. */
    ECDomainParameters ecDomain() {
        X9ECParameters parameters = CustomNamedCurves.getByOID(curve);
        return new ECDomainParameters(parameters != null ? parameters : ECNamedCurveTable.getByOID(curve));
    }

    /** KRB-ERROR e-data: TYPED-DATA holding TD-DH-PARAMETERS, the groups accepted, preferred first. */
    static byte[] acceptedGroups() {
        ASN1Encodable[] groups = new ASN1Encodable[values().length];
        for (KeyAgreementGroup group : values()) {
            groups[group.ordinal()] = group.algorithm();
        }
        DERSequence typedData = new DERSequence(new DERSequence(new ASN1Encodable[] {
            Der.explicit(0, new ASN1Integer(TD_DH_PARAMETERS)),
            Der.explicit(1, new DEROctetString(Der.encode(new DERSequence(groups)))),
        }));
        return Der.encode(typedData);
    }

    private static PkinitException notAccepted(String what) {
        return new PkinitException(PkinitError.DH_KEY_PARAMETERS_NOT_ACCEPTED, "the client offers " + what
                + "; accepted are MODP group 14, P-256, P-384 and P-521", acceptedGroups());
    }

    /** The SubjectPublicKeyInfo of a public value of this group. */
    SubjectPublicKeyInfo subjectPublicKeyInfo(byte[] publicValue) {
        return new SubjectPublicKeyInfo(algorithm(), publicValue);
    }

    boolean finiteField() {
        return this == MODP_2048;
    }
}
