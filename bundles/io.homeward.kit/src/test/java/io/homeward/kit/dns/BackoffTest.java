package io.homeward.kit.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

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
        Backoff backoff = new Backoff(SECOND, FIVE_MINUTES);
        assertEquals(Duration.ofSeconds(1), backoff.next());
        assertEquals(Duration.ofSeconds(2), backoff.next());
        assertEquals(Duration.ofSeconds(4), backoff.next());
        for (int i = 0; i < 30; i++) {
            backoff.next();
        }
        assertEquals(FIVE_MINUTES, backoff.next());
    }

    @Test
    void jitterAddsAtMostTenPercent() {
        long delay = new Backoff(SECOND, FIVE_MINUTES, fixed(0.999)).next().toMillis();
        assertTrue(delay >= 1_000 && delay < 1_100, "delay " + delay);
        assertEquals(Duration.ofSeconds(1), new Backoff(SECOND, FIVE_MINUTES, fixed(0)).next());
    }

    @Test
    void resetStartsOver() {
        Backoff backoff = new Backoff(SECOND, FIVE_MINUTES);
        backoff.next();
        backoff.next();
        backoff.reset();
        assertEquals(Duration.ofSeconds(1), backoff.next());
    }
}
