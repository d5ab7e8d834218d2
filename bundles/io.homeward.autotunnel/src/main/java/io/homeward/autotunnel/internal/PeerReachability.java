package io.homeward.autotunnel.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.homeward.api.keying.KeyingState;

/**
 * One peer's row of the reachability report.
 *
 * @param host      its host label
 * @param ula       its ULA, as text
 * @param state     where keying with it stands
 * @param since     when keying entered that state, empty when the key exchange does not know the peer
 * @param detail    why keying failed or what it waits for, else empty
 * @param lastIn    when a packet last came in through the tunnel (at the sampling's resolution)
 * @param lastOut   when one last went out
 * @param roundTrip the last round trip measured (the key exchange's liveness check, or a ping)
 * @param endpoint  where its tunnel goes, or where the directory says it is
 * @param learned   how that endpoint was learned
 * @param eager     whether it is keyed eagerly
 */
record PeerReachability(String host, String ula, KeyingState state, Optional<Instant> since, String detail,
        Optional<Instant> lastIn, Optional<Instant> lastOut, Optional<Duration> roundTrip,
        Optional<InetSocketAddress> endpoint, String learned, boolean eager) {
}
