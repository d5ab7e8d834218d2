package io.homeward.rendezvous.dns.internal.journal;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Exponential, bounded waiting between attempts at something that keeps failing. Not thread-safe. */
final class Backoff {
    private final long firstNanos;
    private final long maxNanos;
    private final LongSupplier nanoTime;
    private long delay;
    private long next;

    Backoff(Duration first, Duration max, LongSupplier nanoTime) {
        this.firstNanos = first.toNanos();
        this.maxNanos = max.toNanos();
        this.nanoTime = nanoTime;
        this.next = nanoTime.getAsLong();
    }

    /** True unless a failure's delay is still running. */
    boolean due() {
        return nanoTime.getAsLong() - next >= 0;
    }

    /** Doubles the delay (from the first, up to the maximum); returns it. */
    Duration failed() {
        delay = delay == 0 ? firstNanos : Math.min(delay * 2, maxNanos);
        next = nanoTime.getAsLong() + delay;
        return Duration.ofNanos(delay);
    }

    void succeeded() {
        delay = 0;
    }
}
