package io.homeward.portmap.pcp.internal.net;

import java.time.Duration;

/**
 * How long to wait for a reply after each transmission: {@code first}, then doubling, for
 * {@code attempts} transmissions (RFC 6886 §3.1: 250 ms, 9 times, about 128 s in all).
 */
public record RetrySchedule(Duration first, int attempts) {
    public static final RetrySchedule RFC_6886 = new RetrySchedule(Duration.ofMillis(250), 9);

    public RetrySchedule {
        if (attempts < 1 || first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("a retry schedule needs at least one attempt and a positive first wait");
        }
    }

    Duration waitAfter(int attempt) {
        return first.multipliedBy(1L << Math.min(attempt, 20));
    }

    Duration total() {
        Duration sum = Duration.ZERO;
        for (int i = 0; i < attempts; i++) {
            sum = sum.plus(waitAfter(i));
        }
        return sum;
    }
}
