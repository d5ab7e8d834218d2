package io.homeward.rendezvous.dns.internal;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.homeward.api.ca.CertificateAuthority;
import io.homeward.api.ca.HostCertificate;
import io.homeward.api.ca.RevocationListener;

/** The account CA as the DNS server uses it: the certificates it keeps and its revocation listeners. */
final class FakeAuthority implements CertificateAuthority {
    final List<HostCertificate> certificates = new CopyOnWriteArrayList<>();
    final List<RevocationListener> listeners = new CopyOnWriteArrayList<>();

    /** Keeps the certificate and tells the listeners it was revoked. */
    void revoked(HostCertificate certificate) {
        certificates.add(certificate);
        listeners.forEach(l -> l.revoked(certificate));
    }

    @Override
    public List<HostCertificate> certificates(String zone) {
        return certificates.stream().filter(c -> c.zone().equals(zone)).toList();
    }

    @Override
    public void addRevocationListener(RevocationListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeRevocationListener(RevocationListener listener) {
        listeners.remove(listener);
    }

    @Override
    public X509Certificate certificate() {
        throw new UnsupportedOperationException("the DNS server never asks for the CA certificate");
    }

    @Override
    public Duration hostLifetime() {
        throw new UnsupportedOperationException("the DNS server never asks for the lifetime");
    }

    @Override
    public HostCertificate issue(String zone, String host, byte[] certificationRequest) {
        throw new UnsupportedOperationException("the DNS server never issues");
    }

    @Override
    public Optional<HostCertificate> find(BigInteger serial) {
        throw new UnsupportedOperationException("the DNS server never looks a serial up");
    }

    @Override
    public List<HostCertificate> revoke(String zone, String host) {
        throw new UnsupportedOperationException("the DNS server never revokes");
    }

    @Override
    public X509CRL crl() {
        throw new UnsupportedOperationException("the DNS server never reads the CRL");
    }
}
