package io.homeward.watcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {

    /** A random source that always returns the given fraction. */
    private static Random fixed(double fraction) {
        return new Random() {
            private static final long serialVersionUID = 1L;

            @Override
            public double nextDouble() {
                return fraction;
            }
        };
    }

    @Test
    void doublesUpToTheCeiling() {
        Backoff backoff = new Backoff(fixed(0));
        assertEquals(1_000, backoff.nextDelayMillis());
        assertEquals(2_000, backoff.nextDelayMillis());
        assertEquals(4_000, backoff.nextDelayMillis());
        for (int i = 0; i < 30; i++) {
            backoff.nextDelayMillis();
        }
        assertEquals(Backoff.MAX_MILLIS, backoff.nextDelayMillis());
    }

    @Test
    void jitterAddsAtMostTenPercent() {
        Backoff backoff = new Backoff(fixed(0.999));
        long delay = backoff.nextDelayMillis();
        assertTrue(delay >= 1_000 && delay < 1_100, "delay " + delay);
    }

    @Test
    void resetStartsOver() {
        Backoff backoff = new Backoff(fixed(0));
        backoff.nextDelayMillis();
        backoff.nextDelayMillis();
        backoff.reset();
        assertEquals(1_000, backoff.nextDelayMillis());
    }
}
