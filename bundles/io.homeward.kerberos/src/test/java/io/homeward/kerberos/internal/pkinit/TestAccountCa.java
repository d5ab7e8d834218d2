package io.homeward.kerberos.internal.pkinit;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An account CA for tests, issuing host certificates in the layout of docs/enrollment.md "Host certificates" (the
 * rendezvous' CA bundle makes the real ones), or deliberately not.
 */
public final class TestAccountCa {
    public static final String ZONE = "alice.members.example";
    public static final List<ASN1ObjectIdentifier> HOST_PURPOSES = List.of(KeyPurposeId.id_kp_serverAuth.toOID(),
            KeyPurposeId.id_kp_clientAuth.toOID(), new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.17"),
            PkinitOids.KP_CLIENT_AUTH, PkinitOids.KP_KDC);
    private static final AtomicLong SERIALS = new AtomicLong(1000);

    final KeyPair keys;
    public final X509Certificate certificate;

    private TestAccountCa(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    public static TestAccountCa create(String domain, Instant now) throws Exception {
        KeyPair keys = p256();
        X500Name name = new X500Name("CN=Homeward account CA for " + domain);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3653))), name,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new TestAccountCa(keys, sign(builder, keys.getPrivate()));
    }

    static TestAccountCa fromPem(String certificatePem, String keyPem) throws Exception {
        X509Certificate certificate = certificate(certificatePem);
        PrivateKey key = privateKey(keyPem);
        return new TestAccountCa(new KeyPair(certificate.getPublicKey(), key), certificate);
    }

    /** A host certificate of the account CA's profile, valid for 30 days from 5 minutes before now. */
    public Host host(String host, String zone, Instant now) throws Exception {
        return host(host + "." + zone, zone, HOST_PURPOSES, true, now.minus(Duration.ofMinutes(5)),
                now.plus(Duration.ofDays(30)));
    }

    public Host host(String name, String zone, List<ASN1ObjectIdentifier> purposes, boolean kdcName, Instant notBefore,
            Instant notAfter) throws Exception {
        KeyPair keys = p256();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate,
                BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                new X500Name("CN=" + name), keys.getPublic());
        List<GeneralName> names = new ArrayList<>(List.of(new GeneralName(GeneralName.dNSName, name),
                new GeneralName(GeneralName.uniformResourceIdentifier, "dns:" + zone)));
        if (kdcName) {
            Krb5PrincipalName krbtgt = Krb5PrincipalName.ticketGrantingService(name.toUpperCase(Locale.ROOT));
            names.add(new GeneralName(GeneralName.otherName, new OtherName(PkinitOids.PKINIT_SAN, krbtgt.toAsn1())));
        }
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(names.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                purposes.stream().map(KeyPurposeId::getInstance).toArray(KeyPurposeId[]::new)));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        return new Host(keys, sign(builder, this.keys.getPrivate()));
    }

    /** A certificate in PEM, or a private key in PKCS#8 PEM ("PRIVATE KEY", RFC 7468 §10), as OpenSSL reads them. */
    public static String pem(Object object) throws Exception {
        if (object instanceof PrivateKey key) {
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        }
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    public static X509Certificate certificate(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) parser.readObject());
        }
    }

    public static PrivateKey privateKey(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
        }
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey key) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    static KeyPair p256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** A host's key and certificate. */
    public record Host(KeyPair keys, X509Certificate certificate) {
        public SigningCredential credential() {
            return new SigningCredential(keys.getPrivate(), List.of(certificate));
        }
    }
}
