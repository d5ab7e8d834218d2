package io.homeward.kerberos.internal.pkinit;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** The object identifiers of PKINIT (RFC 4556 §3.1, RFC 8636 §4). */
final class PkinitOids {
    static final ASN1ObjectIdentifier PKINIT = new ASN1ObjectIdentifier("1.3.6.1.5.2.3");
    /** eContentType of the signed AuthPack. */
    static final ASN1ObjectIdentifier AUTH_DATA = PKINIT.branch("1");
    /** eContentType of the signed KDCDHKeyInfo. */
    static final ASN1ObjectIdentifier DH_KEY_DATA = PKINIT.branch("2");
    static final ASN1ObjectIdentifier KP_CLIENT_AUTH = PKINIT.branch("4");
    static final ASN1ObjectIdentifier KP_KDC = PKINIT.branch("5");
    static final ASN1ObjectIdentifier KDF = PKINIT.branch("6");
    /** The subjectAltName otherName carrying a KRB5PrincipalName. */
    static final ASN1ObjectIdentifier PKINIT_SAN = new ASN1ObjectIdentifier("1.3.6.1.5.2.2");
    /** id-kp-clientAuth (RFC 5280 §4.2.1.12), which the account CA has always put in host certificates. */
    static final ASN1ObjectIdentifier KP_TLS_CLIENT_AUTH = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.2");

    private PkinitOids() {
    }
}
