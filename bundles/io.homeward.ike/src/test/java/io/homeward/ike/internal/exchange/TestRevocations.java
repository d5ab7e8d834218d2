package io.homeward.ike.internal.exchange;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Set;

import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.auth.RevokedCertificatesListener;

/** The account CA's revocations as a test sets them. */
public final class TestRevocations implements RevokedCertificates {
    private final Set<BigInteger> serials = new HashSet<>();

    public void revoke(X509Certificate certificate) {
        serials.add(certificate.getSerialNumber());
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
        throw new UnsupportedOperationException("the IKE engine reads revocations when it checks a certificate");
    }

    @Override
    public void removeRevokedCertificatesListener(RevokedCertificatesListener listener) {
        throw new UnsupportedOperationException("the IKE engine reads revocations when it checks a certificate");
    }
}
