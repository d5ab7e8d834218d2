package io.homeward.api.ca;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * A certificate the account CA issued to a host.
 *
 * @param zone        the user's zone, absolute
 * @param host        the host label
 * @param certificate the certificate
 * @param revoked     when it was revoked, if it was
 */
public record HostCertificate(String zone, String host, X509Certificate certificate, Optional<Instant> revoked) {

    public BigInteger serial() {
        return certificate.getSerialNumber();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** {@code host.zone}, absolute. */
    public String fqdn() {
        return host + "." + zone;
    }
}
