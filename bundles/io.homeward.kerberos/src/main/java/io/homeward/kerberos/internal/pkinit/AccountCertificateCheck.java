package io.homeward.kerberos.internal.pkinit;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether a certificate is a valid, unrevoked certificate of the account CA (RFC 5280 §6 through the JDK's PKIX
 * validator, at the injected clock's time). The account CA has path length 0 and signs host certificates directly
 * (docs/enrollment.md), so the path is the certificate alone. Revocation is what this host learnt from the CRL and
 * the zone's {@code _revoked._homeward} records (docs/enrollment.md "Revocation"), asked through a predicate.
 */
final class AccountCertificateCheck {
    private final Set<TrustAnchor> anchors;
    private final Predicate<X509Certificate> revoked;
    private final Clock clock;

    AccountCertificateCheck(Set<TrustAnchor> anchors, Predicate<X509Certificate> revoked, Clock clock) {
        this.anchors = Set.copyOf(anchors);
        this.revoked = revoked;
        this.clock = clock;
    }

    /**
     * @param untrusted the error for a certificate of another CA: KDC_ERR_CANT_VERIFY_CERTIFICATE at the KDC,
     *     KDC_ERR_KDC_NOT_TRUSTED at the client
     */
    void check(X509Certificate certificate, PkinitError untrusted) throws PkinitException {
        String subject = certificate.getSubjectX500Principal().getName();
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
        } catch (CertPathValidatorException e) {
            if (e.getReason() == PKIXReason.NO_TRUST_ANCHOR
                    || e.getReason() == CertPathValidatorException.BasicReason.INVALID_SIGNATURE) {
                throw new PkinitException(untrusted, subject + " is not issued by the account CA");
            }
            throw new PkinitException(PkinitError.INVALID_CERTIFICATE, subject + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new PkinitException(PkinitError.INVALID_CERTIFICATE, subject + ": " + e.getMessage());
        }
        if (revoked.test(certificate)) {
            throw new PkinitException(PkinitError.REVOKED_CERTIFICATE, subject + ", serial "
                    + certificate.getSerialNumber().toString(16) + ", is revoked");
        }
    }
}
