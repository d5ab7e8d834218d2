package io.homeward.signin.internal;

import java.time.Instant;
import java.util.Optional;

import io.homeward.api.auth.TsigKey;

/**
 * What a successful sign-in or join keeps, never the password.
 *
 * @param key        the host's own TSIG key once enrolled; in a sign-in an older agent stored, the password-derived
 *                   master key, kept only until the host enrolls with it
 * @param server     the rendezvous DNS-over-TLS address the key was proven against
 * @param pin        the certificate fingerprint seen at sign-in (or configured), "" if none
 * @param since      when the sign-in succeeded
 * @param dnsServer  the rendezvous' plain DNS server, where SRV records are asked; empty in an older sign-in
 * @param enrollment the host certificate and where it was issued; empty in an older sign-in
 */
record StoredKey(String zone, String user, TsigKey key, HostPort server, String pin, Instant since,
        Optional<HostPort> dnsServer, Optional<Enrollment> enrollment) {

    /**
     * @param host      the host's label in the zone, as its certificate names it
     * @param estServer the rendezvous' EST service that issued the certificate and renews it
     */
    record Enrollment(String host, HostPort estServer, IssuedCertificate certificate) {
    }

    /** A sign-in stored before enrollment: the master key and where it was proven. */
    StoredKey(String zone, String user, TsigKey key, HostPort server, String pin, Instant since) {
        this(zone, user, key, server, pin, since, Optional.empty(), Optional.empty());
    }

    StoredKey withCertificate(IssuedCertificate certificate) {
        Enrollment e = enrollment.orElseThrow();
        return new StoredKey(zone, user, key, server, pin, since, dnsServer,
                Optional.of(new Enrollment(e.host(), e.estServer(), certificate)));
    }

    Optional<IssuedCertificate> certificate() {
        return enrollment.map(Enrollment::certificate);
    }
}
