package io.homeward.rendezvous.enroll.internal;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.homeward.api.rendezvous.RendezvousTls;
import io.homeward.kit.dns.Fingerprints;

/** A throw-away rendezvous TLS identity, as the DNS listeners would offer it. */
final class TestTls implements RendezvousTls {
    private final X509Certificate certificate;
    private final KeyManager[] keyManagers;

    TestTls() throws Exception {
        KeyPair keys = TestCa.ecKeys();
        X500Name subject = new X500Name("CN=ns.members.example");
        Instant now = Instant.now();
        certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                BigInteger.TEN, Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))),
                subject, keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        keyManagers = keyManagers(keys.getPrivate(), certificate);
    }

    static KeyManager[] keyManagers(PrivateKey key, X509Certificate... chain) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", key, new char[0], chain);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, new char[0]);
        return factory.getKeyManagers();
    }

    @Override
    public KeyManager[] keyManagers() {
        return keyManagers.clone();
    }

    @Override
    public X509Certificate certificate() {
        return certificate;
    }

    @Override
    public String fingerprint() {
        return Fingerprints.of(certificate);
    }
}
