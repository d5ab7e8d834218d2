package io.homeward.signin.internal;

import java.util.Locale;
import java.util.Optional;

import io.homeward.kit.dns.Fingerprints;
import io.homeward.kit.text.DnsLabel;

/**
 * Where and as whom to sign in, checked and normalized before any network traffic.
 *
 * @param zone   absolute, lower case
 * @param server the DNS-over-TLS service, empty to find it by SRV
 * @param pin    canonical SHA-256 fingerprint, "" for none
 */
record SignInRequest(String zone, String user, Optional<HostPort> server, String pin) {

    /** Checks operator input; the messages say what to fix. */
    static SignInRequest of(String zone, String user, String server, String pin) {
        String z = zone == null ? "" : zone.trim().toLowerCase(Locale.ROOT);
        if (z.isEmpty() || z.equals(".")) {
            throw new IllegalArgumentException("the zone is required, for example alice.members.example.");
        }
        String u = user == null ? "" : user.trim();
        DnsLabel.problem(u).ifPresent(problem -> {
            throw new IllegalArgumentException("the user name is not valid: " + problem);
        });
        String s = server == null ? "" : server.trim();
        return new SignInRequest(z.endsWith(".") ? z : z + ".", u,
                s.isEmpty() ? Optional.empty() : Optional.of(HostPort.parse(s)), Fingerprints.normalize(pin));
    }
}
