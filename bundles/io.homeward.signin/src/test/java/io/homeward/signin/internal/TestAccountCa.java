package io.homeward.signin.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A small account CA as docs/enrollment.md describes it, made with Bouncy Castle: issues, revokes, lists. */
final class TestAccountCa {
    private final KeyPair keys = CertificateRequests.newKeyPair();
    private final X500Name name;
    private final X509Certificate certificate;
    private final Clock clock;
    private final AtomicLong serials = new AtomicLong(1000);
    private final Set<BigInteger> revoked = new HashSet<>();
    volatile Duration lifetime = Duration.ofDays(30);

    TestAccountCa(String domain, Clock clock) throws Exception {
        this.clock = clock;
        this.name = new X500Name("CN=Homeward account CA for " + domain);
        Instant now = clock.instant();
        certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
                name, keys.getPublic()).addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .build(signer()));
    }

    X509Certificate certificate() {
        return certificate;
    }

    X509Certificate issue(String commonName, PublicKey key) throws Exception {
        Instant now = clock.instant();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(serials.incrementAndGet()), Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(lifetime)), new X500Name("CN=" + commonName), key)
                .addExtension(Extension.basicConstraints, false, new BasicConstraints(false)).build(signer()));
    }

    synchronized void revoke(BigInteger serial) {
        revoked.add(serial);
    }

    synchronized X509CRL crl() throws Exception {
        Instant now = clock.instant();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(name, Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
        for (BigInteger serial : revoked) {
            builder.addCRLEntry(serial, Date.from(now), CRLReason.keyCompromise);
        }
        return new JcaX509CRLConverter().getCRL(builder.build(signer()));
    }

    /** RFC 7030 §4.1.3: a certs-only CMS SignedData, DER. */
    static byte[] certsOnly(List<X509Certificate> certificates) throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addCertificates(new JcaCertStore(certificates));
        return generator.generate(new CMSProcessableByteArray(new byte[0]), false).getEncoded();
    }

    private ContentSigner signer() throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
    }
}
