package io.homeward.autotunnel.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.homeward.api.peers.Peer;

/**
 * What the autotunnel knows of one listed peer.
 *
 * @param peer     the peer as the directory lists it
 * @param eager    whether it is keyed eagerly
 * @param lastIn   when its SA pairs last counted a packet in (at the sampling's resolution)
 * @param lastOut  when they last counted a packet out
 * @param lastPing the round trip of the last {@code homeward:ping} that was answered
 */
record PeerView(Peer peer, boolean eager, Optional<Instant> lastIn, Optional<Instant> lastOut,
        Optional<Duration> lastPing) {
}
