package io.homeward.peers.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.homeward.api.peers.DirectoryReport;
import io.homeward.api.peers.Peer;
import io.homeward.kit.text.Ipv6Text;

/** The plain-text form of the directory, for {@code homeward:peers}. */
final class PeersText {
    private PeersText() {
    }

    static String render(DirectoryReport report, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("Peer directory: ").append(report.state()).append('\n');
        out.append(report.selfName().map(name -> "This host: " + name + " (not listed)")
                .orElse("This host's identity is not known yet, so it may be listed too")).append('\n');
        if (report.peers().isEmpty()) {
            return out.append("No peers yet.\n").toString();
        }
        String format = "%-20s %-40s %-22s %-36s %s%n";
        out.append(String.format(Locale.ROOT, format, "HOST", "ULA", "ENDPOINT", "CHANGED", "VIA"));
        for (Peer peer : report.peers()) {
            out.append(String.format(Locale.ROOT, format, peer.hostName(), Ipv6Text.format(peer.ula()),
                    endpoint(peer), changed(peer, now), peer.source()));
        }
        return out.toString();
    }

    /** {@code 203.0.113.7:4500}, or {@code none} when the peer published no reachable endpoint. */
    static String endpoint(Peer peer) {
        return peer.endpoint().map(e -> e.getAddress().getHostAddress() + ":" + e.getPort()).orElse("none");
    }

    /** {@code 2026-01-01T00:00:00Z (12 s ago)}. */
    static String changed(Peer peer, Instant now) {
        return peer.changed() + " (" + ago(Duration.between(peer.changed(), now)) + ")";
    }

    static String ago(Duration elapsed) {
        long seconds = Math.max(0, elapsed.toSeconds());
        if (seconds < 120) {
            return seconds + " s ago";
        }
        if (seconds < 2 * 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 2 * 86400) {
            return seconds / 3600 + " h ago";
        }
        return seconds / 86400 + " d ago";
    }
}
