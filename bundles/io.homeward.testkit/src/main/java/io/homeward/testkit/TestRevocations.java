package io.homeward.testkit;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.auth.RevokedCertificatesListener;

/** The account CA's revocations as a test sets them (none at first), told to the listeners. */
public final class TestRevocations implements RevokedCertificates {
    private final Set<BigInteger> serials = new HashSet<>();
    private final List<RevokedCertificatesListener> listeners = new ArrayList<>();

    /** Revokes the certificate and tells the listeners, as the sign-in does when a revocation arrives. */
    public void revoke(X509Certificate certificate) {
        serials.add(certificate.getSerialNumber());
        listeners.forEach(listener -> listener.revoked(Set.of(certificate.getSerialNumber())));
    }

    @Override
    public boolean isRevoked(X509Certificate certificate) {
        return serials.contains(certificate.getSerialNumber());
    }

    @Override
    public Set<BigInteger> serials() {
        return Set.copyOf(serials);
    }

    @Override
    public void addRevokedCertificatesListener(RevokedCertificatesListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeRevokedCertificatesListener(RevokedCertificatesListener listener) {
        listeners.remove(listener);
    }
}
