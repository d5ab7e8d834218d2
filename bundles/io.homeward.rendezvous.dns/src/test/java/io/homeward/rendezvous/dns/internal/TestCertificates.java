package io.homeward.rendezvous.dns.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.homeward.api.ca.HostCertificate;

/** Host certificates as the account CA keeps them, with the serial and end of validity a test needs. */
final class TestCertificates {
    private static final KeyPair KEYS = keys();

    private TestCertificates() {
    }

    static HostCertificate host(String zone, String host, BigInteger serial, Instant notAfter,
            Optional<Instant> revoked) {
        X500Name subject = new X500Name("CN=" + host + "." + zone.substring(0, zone.length() - 1));
        try {
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(subject, serial, Date.from(notAfter.minus(Duration.ofDays(30))),
                            Date.from(notAfter), subject, KEYS.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(KEYS.getPrivate())));
            return new HostCertificate(zone, host, certificate, revoked);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
