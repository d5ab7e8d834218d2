package io.homeward.api.keying;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.homeward.api.endpoint.PublicEndpoint;

/**
 * This host's reachability as the autotunnel sees it: its public endpoint, the keying policy, and per listed peer
 * whether its tunnel is up, its last packets and round trip, and which endpoint it has and how that was learned.
 *
 * @param at          when the report was made
 * @param self        this host's public endpoint, empty when none is known
 * @param policy      the keying policy in words, for example "on demand, idle tunnels close after 600 s"
 * @param mode        the keying mode's name, {@code ON_DEMAND} or {@code EAGER}
 * @param eagerHosts  the hosts keyed eagerly in on-demand mode, sorted
 * @param idle        how long an idle tunnel stays open; zero for ever
 * @param sampleEvery the resolution of the last packet times
 * @param peers       one row per listed peer, by host name
 * @since 1.1
 */
public record ReachabilityReport(Instant at, Optional<PublicEndpoint> self, String policy, String mode,
        List<String> eagerHosts, Duration idle, Duration sampleEvery, List<PeerReachability> peers) {
    public ReachabilityReport {
        eagerHosts = List.copyOf(eagerHosts);
        peers = List.copyOf(peers);
    }
}
