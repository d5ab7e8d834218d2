package io.homeward.rendezvous.enroll.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import io.homeward.api.ca.CertificateAuthority;
import io.homeward.api.ca.CertificateRequestException;
import io.homeward.api.ca.HostCertificate;
import io.homeward.api.ca.RevocationListener;

/** A small account CA for tests: issues real certificates with Bouncy Castle and keeps them in memory. */
final class TestCa implements CertificateAuthority {
    private static final Duration LIFETIME = Duration.ofDays(30);

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final KeyPair keys;
    private final X500Name name = new X500Name("CN=Test account CA");
    private final X509Certificate certificate;
    private final List<HostCertificate> issued = new ArrayList<>();
    volatile String refuseWith;

    TestCa(Clock clock) throws Exception {
        this.clock = clock;
        this.keys = ecKeys();
        Instant now = clock.instant();
        certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.ONE, Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
                name, keys.getPublic()).addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .build(signer()));
    }

    static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private org.bouncycastle.operator.ContentSigner signer() throws Exception {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
    }

    synchronized int issuedCount() {
        return issued.size();
    }

    @Override
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public Duration hostLifetime() {
        return LIFETIME;
    }

    @Override
    public synchronized HostCertificate issue(String zone, String host, byte[] certificationRequest)
            throws CertificateRequestException {
        if (refuseWith != null) {
            throw new CertificateRequestException(refuseWith);
        }
        try {
            JcaPKCS10CertificationRequest request = new JcaPKCS10CertificationRequest(certificationRequest);
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(request.getPublicKey()))) {
                throw new CertificateRequestException("the request's signature does not verify");
            }
            String fqdn = host + "." + zone.substring(0, zone.length() - 1);
            Instant now = clock.instant();
            X509Certificate made = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                    name, new BigInteger(127, random).add(BigInteger.ONE), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(LIFETIME)), new X500Name("CN=" + fqdn), request.getPublicKey()).build(signer()));
            HostCertificate certificate = new HostCertificate(zone, host, made, Optional.empty());
            issued.add(certificate);
            return certificate;
        } catch (CertificateRequestException e) {
            throw e;
        } catch (Exception e) {
            throw new CertificateRequestException("not a request: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<HostCertificate> certificates(String zone) {
        Instant now = clock.instant();
        return issued.stream().filter(c -> c.zone().equals(zone) && c.notAfter().isAfter(now)).toList();
    }

    @Override
    public synchronized Optional<HostCertificate> find(BigInteger serial) {
        Instant now = clock.instant();
        return issued.stream().filter(c -> c.serial().equals(serial) && c.notAfter().isAfter(now)).findFirst();
    }

    @Override
    public synchronized List<HostCertificate> revoke(String zone, String host) {
        List<HostCertificate> revoked = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < issued.size(); i++) {
            HostCertificate c = issued.get(i);
            if (c.zone().equals(zone) && c.host().equals(host) && c.revoked().isEmpty() && c.notAfter().isAfter(now)) {
                HostCertificate r = new HostCertificate(zone, host, c.certificate(), Optional.of(now));
                issued.set(i, r);
                revoked.add(r);
            }
        }
        return revoked;
    }

    @Override
    public synchronized X509CRL crl() {
        try {
            Instant now = clock.instant();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(name, Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
            for (HostCertificate c : issued) {
                if (c.revoked().isPresent()) {
                    builder.addCRLEntry(c.serial(), Date.from(c.revoked().get()), CRLReason.unspecified);
                }
            }
            return new JcaX509CRLConverter().getCRL(builder.build(signer()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void addRevocationListener(RevocationListener listener) {
        throw new UnsupportedOperationException("the enrollment server does not listen for revocations");
    }

    @Override
    public void removeRevocationListener(RevocationListener listener) {
        throw new UnsupportedOperationException("the enrollment server does not listen for revocations");
    }
}
