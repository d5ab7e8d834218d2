package io.homeward.health.internal;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.Result;

/**
 * Whether this host's certificate from the account CA can key tunnels: issued, not revoked, not expired
 * (docs/enrollment.md: it is renewed well before it expires, so one close to its end means renewal is failing).
 */
final class CertificateHealth {
    /** Renewal starts long before this; a certificate this close to its end is not being renewed. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(7);

    private CertificateHealth() {
    }

    /**
     * @param signedIn whether this host is signed in
     * @param chain    the host certificate chain, leaf first; empty if none was issued
     * @param revoked  whether the account revoked the leaf
     */
    static Result evaluate(boolean signedIn, List<X509Certificate> chain, boolean revoked, Instant now) {
        FormattingResultLog log = new FormattingResultLog();
        if (!signedIn) {
            log.info("No host certificate until this host signs in");
        } else if (chain.isEmpty()) {
            log.warn("Signed in without a host certificate: tunnels to the other hosts cannot be keyed. Sign in again"
                    + " to enroll");
        } else {
            X509Certificate leaf = chain.get(0);
            Instant end = leaf.getNotAfter().toInstant();
            if (revoked) {
                log.critical("This host's certificate (serial {}) was revoked by the account: it can no longer key"
                        + " tunnels. Sign in again to enroll", leaf.getSerialNumber().toString(16));
            } else if (!end.isAfter(now)) {
                log.critical("This host's certificate expired at {}: tunnels cannot be keyed. Sign in again to"
                        + " enroll", end);
            } else if (Duration.between(now, end).compareTo(EXPIRY_WARNING) < 0) {
                log.warn("This host's certificate expires at {} and has not been renewed: check that the rendezvous"
                        + " is reachable, or sign in again", end);
            } else {
                log.info("Host certificate valid until {}", end);
            }
        }
        return new Result(log);
    }
}
