package io.homeward.api.ca;

import org.osgi.annotation.versioning.ConsumerType;

/** Told when the CA revokes a certificate; added on the {@link CertificateAuthority}. */
@ConsumerType
public interface RevocationListener {

    /** The certificate was revoked just now; {@link HostCertificate#revoked()} says when. */
    void revoked(HostCertificate certificate);
}
