package io.homeward.kerberos.internal.wire;

import org.bouncycastle.asn1.ASN1Primitive;

/** A Kerberos ASN.1 value (RFC 4120 Appendix A) that writes itself as DER. */
public interface DerEncodable {
    /** The value as a Bouncy Castle object, to embed in a larger structure (for example PKINIT's, RFC 4556). */
    ASN1Primitive toAsn1();

    /** The DER octets. */
    default byte[] encode() {
        return Der.encode(toAsn1());
    }
}
