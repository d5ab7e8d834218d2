package io.homeward.api.signin;

import java.time.Instant;
import java.util.Optional;

/**
 * Who the host is signed in as.
 *
 * @param user    the user name at the rendezvous
 * @param zone    the user's zone, absolute
 * @param hostKey the name of the TSIG key the host signs with: its own, or the zone's master key
 * @param host    the host label its certificate and key name; empty when it signs with the master key
 * @param since   when the sign-in succeeded
 * @param server  host:port of the rendezvous' DNS-over-TLS service
 * @param pin     SHA-256 fingerprint of the rendezvous' TLS certificate, "" when none
 * @since 1.0
 */
public record SignedIn(String user, String zone, String hostKey, Optional<String> host, Instant since,
        String server, String pin) {
}
