package io.homeward.kerberos.internal.pkinit;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;

/**
 * {@code KDCDHKeyInfo ::= SEQUENCE { subjectPublicKey [0] BIT STRING, nonce [1] INTEGER (0..4294967295),
 * dhKeyExpiration [2] KerberosTime OPTIONAL }} (RFC 4556 §3.2.3.1), the content the KDC signs: its (EC)DH public
 * value (a DER INTEGER for finite-field DH, the ECPoint for ECDH, RFC 5349 §4) and the PKAuthenticator's nonce. Its
 * keys are fresh for every reply, so it never sends dhKeyExpiration.
 */
record KdcDhKeyInfo(byte[] subjectPublicKey, long nonce) {
    private static final int MAX_LENGTH = 4096;

    byte[] encoded() {
        return Der.encode(new DERSequence(new ASN1Encodable[] {
            Der.explicit(0, new DERBitString(subjectPublicKey)), Der.explicit(1, new ASN1Integer(nonce)),
        }));
    }

    static KdcDhKeyInfo decode(byte[] encoded) throws MalformedPkinitException {
        Der.Fields fields = Der.fields(Der.read(encoded, MAX_LENGTH, "KDCDHKeyInfo"), "KDCDHKeyInfo");
        if (!(fields.explicit(0) instanceof ASN1BitString bits) || bits.getPadBits() != 0) {
            throw new MalformedPkinitException("KDCDHKeyInfo subjectPublicKey is not a BIT STRING of whole octets");
        }
        return new KdcDhKeyInfo(bits.getOctets(), fields.integer(1, 0, PkAuthenticator.MAX_NONCE));
    }
}
