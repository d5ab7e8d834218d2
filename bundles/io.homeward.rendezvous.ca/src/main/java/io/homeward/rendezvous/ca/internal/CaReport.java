package io.homeward.rendezvous.ca.internal;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.homeward.api.ca.HostCertificate;
import io.homeward.kit.dns.Fingerprints;

/** The CA's state as {@code homeward:ca} prints it. */
final class CaReport {
    private CaReport() {
    }

    static String text(X509Certificate ca, Duration hostLifetime, Optional<X509CRL> crl, Optional<String> problem,
            List<HostCertificate> certificates) {
        StringBuilder out = new StringBuilder();
        out.append("Account CA: ").append(ca.getSubjectX500Principal().getName()).append('\n');
        out.append("SHA-256:    ").append(Fingerprints.of(ca)).append('\n');
        out.append("valid:      ").append(ca.getNotBefore().toInstant()).append(" to ")
                .append(ca.getNotAfter().toInstant()).append('\n');
        out.append("host certificates valid ").append(lifetime(hostLifetime)).append('\n');
        problem.ifPresent(p -> out.append("NOT ISSUING: ").append(p).append('\n'));
        crl.ifPresentOrElse(c -> out.append("CRL number ").append(RevocationLists.number(c)).append(", signed ")
                .append(c.getThisUpdate().toInstant()).append(", next update ")
                .append(c.getNextUpdate().toInstant()).append(", ").append(count(c)).append(" revoked\n"),
                () -> out.append("no CRL\n"));
        if (certificates.isEmpty()) {
            out.append("no unexpired certificates\n");
            return out.toString();
        }
        out.append(String.format("%-32s %-20s %-32s %-20s %s%n", "zone", "host", "serial", "expires", "revoked"));
        for (HostCertificate certificate : certificates) {
            out.append(String.format("%-32s %-20s %-32s %-20s %s%n", certificate.zone(), certificate.host(),
                    certificate.serial().toString(16), certificate.notAfter(),
                    certificate.revoked().map(Instant::toString).orElse("-")));
        }
        return out.toString();
    }

    private static int count(X509CRL crl) {
        return crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
    }

    private static String lifetime(Duration lifetime) {
        if (lifetime.toMinutes() % (24 * 60) == 0) {
            return lifetime.toDays() + " days";
        }
        return lifetime.toMinutes() + " minutes";
    }
}
