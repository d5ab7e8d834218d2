package io.homeward.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Instants as operators read them: UTC to the second, and relative to now ("in 1 h 12 min", "3 min ago"). */
public final class TimeText {
    public static final String NO_LEASE = "no lease";
    public static final String SESSION_LEASE = "while its session lasts";
    static final String NO_EVENT = "none";

    private static final long[] UNIT_SECONDS = {86_400, 3_600, 60, 1};
    private static final String[] UNIT_NAMES = {"d", "h", "min", "s"};

    private TimeText() {
    }

    public static String instant(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "in 1 h 12 min" for the future, "3 min ago" for the past, "now" within a second. */
    static String relative(Instant now, Instant then) {
        Duration offset = Duration.between(now, then);
        if (offset.abs().getSeconds() == 0) {
            return "now";
        }
        String span = span(offset.abs().getSeconds());
        return offset.isNegative() ? span + " ago" : "in " + span;
    }

    /** An expiry, absolute and relative: "2026-11-21T11:17:49Z (in 1 h 12 min)", or the text for none. */
    public static String lease(Instant now, Optional<Instant> expires, String withoutLease) {
        return expires.map(at -> instant(at) + " (" + untilExpiry(now, at) + ")").orElse(withoutLease);
    }

    /** "in 1 h 12 min"; a lapsed lease the server has not removed yet is "expired 3 min ago". */
    public static String untilExpiry(Instant now, Instant expires) {
        String relative = relative(now, expires);
        return relative.endsWith(" ago") ? "expired " + relative : relative;
    }

    /** One unit, truncated, for a glance at a table: "0 s ago", "59 s ago", "2 h ago", "3 d ago" (never the future). */
    public static String ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        return seconds < 86_400 ? seconds / 3600 + " h ago" : seconds / 86_400 + " d ago";
    }

    public static String lastEvent(Instant now, Optional<Instant> sent) {
        return sent.map(at -> instant(at) + " (" + relative(now, at) + ")").orElse(NO_EVENT);
    }

    /** The two largest units that are not zero, truncated: 4 330 s is "1 h 12 min", 90 000 s is "1 d 1 h". */
    private static String span(long seconds) {
        int first = 0;
        while (seconds < UNIT_SECONDS[first]) {
            first++;
        }
        StringBuilder s = new StringBuilder().append(seconds / UNIT_SECONDS[first]).append(' ').append(UNIT_NAMES[first]);
        if (first + 1 < UNIT_SECONDS.length) {
            long next = seconds % UNIT_SECONDS[first] / UNIT_SECONDS[first + 1];
            if (next > 0) {
                s.append(' ').append(next).append(' ').append(UNIT_NAMES[first + 1]);
            }
        }
        return s.toString();
    }
}
