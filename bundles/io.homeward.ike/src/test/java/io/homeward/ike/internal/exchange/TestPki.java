package io.homeward.ike.internal.exchange;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A test account CA issuing host certificates as docs/enrollment.md describes them, and the ways they go wrong. */
public final class TestPki {
    public static final String DOMAIN = "members.example";
    static final KeyPurposeId[] HOST_PURPOSES = {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth,
        KeyPurposeId.id_kp_ipsecIKE};
    private static final SecureRandom RANDOM = new SecureRandom();

    final KeyPair keys = p256();
    public final X509Certificate ca;
    private final X500Name name;

    public TestPki(String caName, Instant now) {
        name = new X500Name("CN=" + caName);
        try {
            ca = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                    keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        } catch (GeneralSecurityException | java.io.IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A host certificate of {@code host.user.members.example}, valid from five minutes ago for 30 days. */
    public X509Certificate host(KeyPair subject, String host, String user, Instant now) {
        String zone = user + "." + DOMAIN;
        return issue(subject, host + "." + zone, "dns:" + zone, now.minus(Duration.ofMinutes(5)),
                now.plus(Duration.ofDays(30)), HOST_PURPOSES);
    }

    X509Certificate issue(KeyPair subject, String dnsName, String zoneUri, Instant from, Instant until,
            KeyPurposeId... purposes) {
        return certificate(name, keys, subject, dnsName, zoneUri, from, until, purposes);
    }

    /** A certificate that signs itself, with a host's names. */
    static X509Certificate selfSigned(KeyPair subject, String dnsName, String zoneUri, Instant now) {
        return certificate(new X500Name("CN=" + dnsName), subject, subject, dnsName, zoneUri,
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(30)), HOST_PURPOSES);
    }

    private static X509Certificate certificate(X500Name issuer, KeyPair issuerKeys, KeyPair subject, String dnsName,
            String zoneUri, Instant from, Instant until, KeyPurposeId... purposes) {
        try {
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE), Date.from(from), Date.from(until),
                    new X500Name("CN=" + dnsName), subject.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, dnsName),
                        new GeneralName(GeneralName.uniformResourceIdentifier, zoneUri)}))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.basicConstraints, false, new BasicConstraints(false))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (GeneralSecurityException | java.io.IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
