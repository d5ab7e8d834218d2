package io.homeward.kit.dns;

import java.time.Duration;
import java.util.Random;

/**
 * Bounded exponential backoff: the first delay, doubling up to the longest; a success starts over. With a random
 * source each delay gets up to 10 % extra, so many clients do not retry in step.
 */
public final class Backoff {
    private final long firstMillis;
    private final long longestMillis;
    private final Random jitter;
    private int failures;

    /** Exact delays. */
    public Backoff(Duration first, Duration longest) {
        this(first, longest, null);
    }

    /** Delays with up to 10 % random extra from {@code jitter}. */
    public Backoff(Duration first, Duration longest, Random jitter) {
        this.firstMillis = first.toMillis();
        this.longestMillis = longest.toMillis();
        this.jitter = jitter;
    }

    /** The delay before the next attempt; each call doubles the following one until the ceiling. */
    public Duration next() {
        long base = Math.min(longestMillis, firstMillis << Math.min(failures, 20));
        failures++;
        long extra = jitter == null ? 0 : (long) (jitter.nextDouble() * base / 10);
        return Duration.ofMillis(base + extra);
    }

    public void reset() {
        failures = 0;
    }
}
