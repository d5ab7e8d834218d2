package io.homeward.kerberos.internal.wire;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** The GSS-API mechanism identifiers this host meets. */
public final class GssMechanisms {
    /** The Kerberos V5 mechanism (RFC 4121 §4.1; RFC 1964 §1). */
    public static final ASN1ObjectIdentifier KERBEROS_V5 = new ASN1ObjectIdentifier("1.2.840.113554.1.2.2");
    /** Microsoft's mistyped Kerberos V5 OID, offered in SPNEGO mechTypes by Windows and others (RFC 4178 §1). */
    public static final ASN1ObjectIdentifier KERBEROS_V5_MICROSOFT = new ASN1ObjectIdentifier("1.2.840.48018.1.2.2");
    /** SPNEGO (RFC 4178 §3). */
    public static final ASN1ObjectIdentifier SPNEGO = new ASN1ObjectIdentifier("1.3.6.1.5.5.2");

    private GssMechanisms() {
    }

    /** Whether {@code mech} names Kerberos V5 under either OID. */
    public static boolean isKerberos(ASN1ObjectIdentifier mech) {
        return KERBEROS_V5.equals(mech) || KERBEROS_V5_MICROSOFT.equals(mech);
    }
}
