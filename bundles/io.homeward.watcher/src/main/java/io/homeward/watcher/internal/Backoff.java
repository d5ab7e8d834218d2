package io.homeward.watcher.internal;

import java.util.Random;

/**
 * Bounded exponential backoff for re-establishing a subscription: 1 s, 2 s, 4 s ... up to the
 * ceiling, each with up to 10 % random extra so many clients do not retry in step.
 */
final class Backoff {
    static final long INITIAL_MILLIS = 1_000;
    static final long MAX_MILLIS = 300_000;

    private final Random random;
    private int failures;

    Backoff(Random random) {
        this.random = random;
    }

    /** The delay before the next attempt; each call doubles the following one until the ceiling. */
    long nextDelayMillis() {
        long base = Math.min(MAX_MILLIS, INITIAL_MILLIS << Math.min(failures, 20));
        failures++;
        return base + (long) (random.nextDouble() * base / 10);
    }

    void reset() {
        failures = 0;
    }
}
