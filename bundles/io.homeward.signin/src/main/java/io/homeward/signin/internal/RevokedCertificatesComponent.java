package io.homeward.signin.internal;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.homeward.api.auth.RevokedCertificates;
import io.homeward.api.auth.RevokedCertificatesListener;

/**
 * The account's revoked certificates as this host knows them, from the CRL and the TXT records at
 * {@code _revoked._homeward.<zone>} (docs/enrollment.md, "Revocation"); what the sign-in follows.
 */
@Component(service = RevokedCertificates.class)
public class RevokedCertificatesComponent implements RevokedCertificates {
    private final RevocationList revocations;

    @Activate
    public RevokedCertificatesComponent(@Reference SignInComponent signIn) {
        this.revocations = signIn.revocations();
    }

    @Override
    public boolean isRevoked(X509Certificate certificate) {
        return revocations.isRevoked(certificate);
    }

    @Override
    public Set<BigInteger> serials() {
        return revocations.serials();
    }

    @Override
    public void addRevokedCertificatesListener(RevokedCertificatesListener listener) {
        revocations.addRevokedCertificatesListener(listener);
    }

    @Override
    public void removeRevokedCertificatesListener(RevokedCertificatesListener listener) {
        revocations.removeRevokedCertificatesListener(listener);
    }
}
