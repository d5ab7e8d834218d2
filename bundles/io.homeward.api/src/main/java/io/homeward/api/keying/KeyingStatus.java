package io.homeward.api.keying;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Keying with one peer.
 *
 * @param peer      the peer's ULA
 * @param host      the peer's host label in the user's zone, empty if the directory does not list it
 * @param state     where keying stands
 * @param since     when it entered that state
 * @param endpoint  the outer endpoint the IKE SA talks to, empty without one
 * @param roundTrip the last measured round trip through the IKE SA (liveness check or probe), empty if none yet
 * @param initiator whether this host started the current or last negotiation
 * @param detail    why keying failed, or what it waits for; empty when there is nothing to say
 * @param peerCertificateExpires when the certificate the peer last authenticated with expires, empty before it
 *                  authenticated (since 1.2)
 * @since 1.0
 */
public record KeyingStatus(Inet6Address peer, String host, KeyingState state, Instant since,
        Optional<InetSocketAddress> endpoint, Optional<Duration> roundTrip, boolean initiator, String detail,
        Optional<Instant> peerCertificateExpires) {

    public KeyingStatus {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(roundTrip, "roundTrip");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(peerCertificateExpires, "peerCertificateExpires");
    }

    /** Keying with a peer whose certificate is not known (yet). */
    public KeyingStatus(Inet6Address peer, String host, KeyingState state, Instant since,
            Optional<InetSocketAddress> endpoint, Optional<Duration> roundTrip, boolean initiator, String detail) {
        this(peer, host, state, since, endpoint, roundTrip, initiator, detail, Optional.empty());
    }
}
