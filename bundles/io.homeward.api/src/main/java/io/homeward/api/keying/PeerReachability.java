package io.homeward.api.keying;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
 * @since 1.1
 */
public record PeerReachability(String host, String ula, KeyingState state, Optional<Instant> since, String detail,
        Optional<Instant> lastIn, Optional<Instant> lastOut, Optional<Duration> roundTrip,
        Optional<InetSocketAddress> endpoint, String learned, boolean eager) {

    /** The tunnel in words as of {@code at}: "tunnel up since 2026-01-01T00:00:00Z (60 s ago)", "keying failed ...". */
    public String tunnel(Instant at) {
        String from = since.map(s -> " since " + s + " (" + ago(Optional.of(s), at) + ")").orElse("");
        String why = detail.isEmpty() ? "" : ": " + detail;
        return switch (state) {
            case UP -> "tunnel up" + from;
            case KEYING -> "keying" + from + why;
            case FAILED -> "keying failed" + from + why;
            case NONE -> "no tunnel" + from + why;
        };
    }

    /** "never", "now", "12 s ago", "4 min ago", "3 h ago", "2 d ago", as of {@code at}. */
    public static String ago(Optional<Instant> when, Instant at) {
        if (when.isEmpty()) {
            return "never";
        }
        long s = Math.max(0, Duration.between(when.get(), at).toSeconds());
        if (s == 0) {
            return "now";
        }
        if (s < 120) {
            return s + " s ago";
        }
        if (s < 2 * 3600) {
            return s / 60 + " min ago";
        }
        return s < 2 * 86400 ? s / 3600 + " h ago" : s / 86400 + " d ago";
    }
}
