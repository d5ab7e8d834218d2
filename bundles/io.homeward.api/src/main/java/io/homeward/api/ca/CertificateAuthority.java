package io.homeward.api.ca;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The CA of the members domain. It signs host certificates in the profile of docs/enrollment.md ("Host
 * certificates") and keeps every certificate it issued until it expires, revoked or not. Who may ask for a
 * certificate is decided by the caller (the enrollment server), never here.
 */
@ProviderType
public interface CertificateAuthority {

    /** The CA's own certificate, the trust anchor the hosts and their IKE peers are given. */
    X509Certificate certificate();

    /** How long a host certificate is valid. */
    Duration hostLifetime();

    /**
     * Issues a host certificate for the public key of a PKCS#10 request (RFC 2986) after checking its signature, its
     * key (EC P-256, Ed25519 or RSA of at least 2048 bits) and that its subject and subject alternative names, if
     * any, name only {@code host.zone}. The subject, SANs and extensions of the certificate are the CA's, not the
     * request's.
     *
     * @param zone                 the user's zone, absolute
     * @param host                 the host label
     * @param certificationRequest the DER of the request, at most 16 KiB
     * @throws CertificateRequestException with a message a person can act on; nothing is issued or stored then
     */
    HostCertificate issue(String zone, String host, byte[] certificationRequest) throws CertificateRequestException;

    /** The unexpired certificates issued for the zone's hosts, revoked ones included, oldest first. */
    List<HostCertificate> certificates(String zone);

    /** The certificate with this serial number, while it has not expired. */
    Optional<HostCertificate> find(BigInteger serial);

    /**
     * Revokes every unexpired certificate of the host, issues a new CRL and tells the revocation listeners.
     *
     * @return the certificates revoked now; empty if there was none
     */
    List<HostCertificate> revoke(String zone, String host);

    /** The current CRL (RFC 5280 §5), signed by the CA, listing the revoked certificates that have not expired. */
    X509CRL crl();

    void addRevocationListener(RevocationListener listener);

    void removeRevocationListener(RevocationListener listener);
}
