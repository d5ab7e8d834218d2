package io.homeward.autotunnel.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.keying.PeerReachability;
import io.homeward.api.keying.ReachabilityReport;
import io.homeward.api.peers.Peer;
import io.homeward.kit.net.Endpoints;
import io.homeward.kit.text.Ipv6Text;

/**
 * What {@code homeward:reach} prints (the console reads it {@link #typed()}): this host's public endpoint and how it was learned, the
 * keying policy, and per listed peer whether its tunnel is up and since when, its last packets in and out, the last
 * round trip, and which endpoint it has and how that was learned.
 *
 * @param at       when the report was made
 * @param self     this host's public endpoint, empty when none is known
 * @param settings the keying policy
 * @param peers    one row per listed peer, by host name
 */
record ReachReport(Instant at, Optional<PublicEndpoint> self, AutotunnelSettings settings,
        List<PeerReachability> peers) {

    ReachReport {
        peers = List.copyOf(peers);
    }

    /** Joins the autotunnel's view of the peers with the key exchange's status of each. */
    static ReachReport of(Instant at, Optional<PublicEndpoint> self, AutotunnelSettings settings,
            List<PeerView> views, List<KeyingStatus> keyed) {
        Map<Inet6Address, KeyingStatus> byPeer = keyed.stream()
                .collect(Collectors.toMap(KeyingStatus::peer, Function.identity(), (a, b) -> a));
        List<PeerReachability> rows = new ArrayList<>();
        for (PeerView view : views) {
            Peer peer = view.peer();
            Optional<KeyingStatus> status = Optional.ofNullable(byPeer.get(peer.ula()));
            Optional<InetSocketAddress> used = status.flatMap(KeyingStatus::endpoint);
            boolean fromPackets = used.isPresent() && !used.equals(peer.endpoint());
            rows.add(new PeerReachability(peer.hostName(), Ipv6Text.format(peer.ula()),
                    status.map(KeyingStatus::state).orElse(KeyingState.NONE), status.map(KeyingStatus::since),
                    status.map(KeyingStatus::detail).orElse(""), view.lastIn(), view.lastOut(),
                    status.flatMap(KeyingStatus::roundTrip).or(view::lastPing), used.or(peer::endpoint),
                    fromPackets ? "its packets" : peer.source(), view.eager()));
        }
        return new ReachReport(at, self, settings, rows);
    }

    String selfText() {
        return self.map(e -> Endpoints.text(e.address()) + " (" + e.source().name().toLowerCase(Locale.ROOT) + ")")
                .orElse("not known yet");
    }

    String text() {
        StringBuilder text = new StringBuilder();
        text.append("Reachability: this host at ").append(selfText()).append("; ").append(settings.text())
                .append("; packet times to ").append(Autotunnel.SAMPLE_EVERY.toSeconds()).append(" s\n");
        if (peers.isEmpty()) {
            return text.append("  no other host is listed\n").toString();
        }
        for (PeerReachability p : peers) {
            text.append("  ").append(line(p)).append('\n');
        }
        return text.toString();
    }

    /** One peer in plain words. */
    String line(PeerReachability p) {
        StringBuilder line = new StringBuilder();
        line.append(p.host()).append(" (").append(p.ula()).append("): ").append(tunnel(p));
        line.append("; last packet in ").append(ago(p.lastIn())).append(", out ").append(ago(p.lastOut()));
        p.roundTrip().ifPresent(rtt -> line.append("; round trip ").append(Pinger.millis(rtt)));
        line.append("; at ").append(p.endpoint().map(Endpoints::text).orElse("no endpoint"));
        if (p.endpoint().isPresent()) {
            line.append(", learned by ").append(p.learned());
        }
        return line.append(p.eager() ? "; keyed eagerly" : "; keyed on demand").toString();
    }

    String tunnel(PeerReachability p) {
        return p.tunnel(at);
    }

    String ago(Optional<Instant> when) {
        return PeerReachability.ago(when, at);
    }

    /** The report as the API's typed form, for the console. */
    ReachabilityReport typed() {
        return new ReachabilityReport(at, self, settings.text(), settings.mode().name(),
                settings.eagerHosts().stream().sorted().toList(), settings.idle(), Autotunnel.SAMPLE_EVERY, peers);
    }
}
