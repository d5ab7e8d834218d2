package io.homeward.rendezvous.ca.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the account CA: an ECDSA P-256 key and a self-signed certificate valid ten years, a CA with path length 0,
 * key usage keyCertSign and cRLSign, both critical (RFC 5280 §4.2.1.9, §4.2.1.3; docs/enrollment.md).
 */
final class CaCertificate {
    static final Duration VALIDITY = Duration.ofDays(3653);
    /** Back-dating for clients whose clock is a little behind, as for host certificates. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private CaCertificate() {
    }

    static CaIdentity create(String commonName, Clock clock, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        Instant now = clock.instant();
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(subject, Serials.next(random),
                Date.from(now.minus(SKEW)), Date.from(now.plus(VALIDITY)), subject, publicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(publicKey));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(CaIdentity.SIGNATURE).build(keys.getPrivate())));
            return new CaIdentity(keys.getPrivate(), certificate);
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build the CA certificate: " + e.getMessage(), e);
        }
    }
}
