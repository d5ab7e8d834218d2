package io.homeward.kerberos.internal.pkinit;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * {@code PA-PK-AS-REQ} (RFC 4556 §3.2.1), the padata-value of type 16: {@code signedAuthPack [0] IMPLICIT OCTET
 * STRING} (a CMS ContentInfo of SignedData over the AuthPack); trustedCertifiers [1] and kdcPkId [2] only help a KDC
 * with several certificates choose one, and are ignored.
 */
public record PaPkAsReq(byte[] signedAuthPack) {
    /** The padata-type (RFC 4556 §3.2.1). */
    public static final int PADATA_TYPE = 16;
    /** A client certificate chain and the signed AuthPack fit in far less. */
    static final int MAX_LENGTH = 64 * 1024;

    byte[] encoded() {
        return Der.encode(new DERSequence(new DERTaggedObject(false, 0, new DEROctetString(signedAuthPack))));
    }

    static PaPkAsReq decode(byte[] encoded) throws MalformedPkinitException {
        return new PaPkAsReq(Der.fields(Der.read(encoded, MAX_LENGTH, "PA-PK-AS-REQ"), "PA-PK-AS-REQ")
                .implicitOctets(0));
    }
}
