package io.homeward.itests.bench;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Set;

import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.auth.RevokedCertificatesListener;

/** The load generator's view of revocation: the account CA revoked nothing during the run. */
final class NothingRevoked implements RevokedCertificates {

    @Override
    public boolean isRevoked(X509Certificate certificate) {
        return false;
    }

    @Override
    public Set<BigInteger> serials() {
        return Set.of();
    }

    @Override
    public void addRevokedCertificatesListener(RevokedCertificatesListener listener) {
        // Nothing will be revoked.
    }

    @Override
    public void removeRevokedCertificatesListener(RevokedCertificatesListener listener) {
        // Nothing will be revoked.
    }
}
