package io.homeward.api.auth;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The certificates the account CA revoked, as this host knows them: from the CRL and from the revocations the
 * rendezvous pushes into the user's zone (docs/enrollment.md, "Revocation"), so a revoked host is refused within
 * seconds, not at the CRL's next update.
 *
 * @since 1.2
 */
@ProviderType
public interface RevokedCertificates {

    /** True when the certificate was issued by the account CA and revoked. */
    boolean isRevoked(X509Certificate certificate);

    /** The serial numbers of the revoked certificates that have not expired. */
    Set<BigInteger> serials();

    void addRevokedCertificatesListener(RevokedCertificatesListener listener);

    void removeRevokedCertificatesListener(RevokedCertificatesListener listener);
}
