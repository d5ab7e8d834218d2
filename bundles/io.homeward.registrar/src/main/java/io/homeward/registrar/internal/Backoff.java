package io.homeward.registrar.internal;

import java.time.Duration;

/** Retry delays after failed UPDATEs: 2 s, doubling, at most 5 min; success starts over. */
final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(2);
    static final Duration LONGEST = Duration.ofMinutes(5);

    private Duration next = FIRST;

    Duration next() {
        Duration now = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(LONGEST) > 0 ? LONGEST : doubled;
        return now;
    }

    void reset() {
        next = FIRST;
    }
}
