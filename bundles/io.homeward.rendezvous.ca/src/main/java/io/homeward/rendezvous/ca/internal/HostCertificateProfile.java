package io.homeward.rendezvous.ca.internal;

import java.math.BigInteger;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/**
 * A host certificate as docs/enrollment.md ("Host certificates") lays it out: subject {@code CN=host.zone}, SANs
 * dNSName {@code host.zone}, URI {@code dns:zone} (RFC 4501) and the id-pkinit-san of the host's KDC
 * ({@link KdcPrincipalName}), EKU serverAuth, clientAuth, id-kp-ipsecIKE (RFC 4945 §5.1.3.12), id-pkinit-KPClientAuth
 * and id-pkinit-KPKdc (RFC 4556 §3.2.2, §3.2.4; docs/kerberos.md "PKINIT"), key usage digitalSignature (critical), not
 * a CA, key identifiers (RFC 5280 §4.2.1.1-2).
 */
final class HostCertificateProfile {
    /** id-kp-ipsecIKE, RFC 4945 §5.1.3.12. */
    static final ASN1ObjectIdentifier IPSEC_IKE = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.17");
    /** id-pkinit-KPClientAuth, RFC 4556 §3.2.2: the host's certificate signs its PKINIT requests. */
    static final ASN1ObjectIdentifier PKINIT_CLIENT_AUTH = new ASN1ObjectIdentifier("1.3.6.1.5.2.3.4");
    /** id-pkinit-KPKdc, RFC 4556 §3.2.4: the host's certificate signs its local KDC's PKINIT replies. */
    static final ASN1ObjectIdentifier PKINIT_KDC = new ASN1ObjectIdentifier("1.3.6.1.5.2.3.5");

    private HostCertificateProfile() {
    }

    /**
     * @param zone the user's zone without the final dot
     * @param name the host's name ({@code host.zone}) without the final dot
     */
    static X509Certificate sign(CaIdentity ca, String zone, String name, SubjectPublicKeyInfo publicKey,
            BigInteger serial, Instant notBefore, Instant notAfter) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(ca.name(), serial, Date.from(notBefore),
                Date.from(notAfter), subject, publicKey);
        try {
            JcaX509ExtensionUtils identifiers = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, name),
                new GeneralName(GeneralName.uniformResourceIdentifier, "dns:" + zone),
                KdcPrincipalName.forHost(name),
            }));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth, KeyPurposeId.getInstance(IPSEC_IKE),
                KeyPurposeId.getInstance(PKINIT_CLIENT_AUTH), KeyPurposeId.getInstance(PKINIT_KDC),
            }));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    identifiers.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    identifiers.createAuthorityKeyIdentifier(ca.publicKeyInfo()));
            return new JcaX509CertificateConverter().getCertificate(builder.build(ca.signer()));
        } catch (CertIOException | CertificateException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot build a host certificate: " + e.getMessage(), e);
        }
    }
}
