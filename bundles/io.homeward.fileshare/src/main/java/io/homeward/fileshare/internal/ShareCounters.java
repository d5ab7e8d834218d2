package io.homeward.fileshare.internal;

import java.util.concurrent.atomic.AtomicLong;

/** What the share did since it started, for {@code homeward:share}; updated from any thread. */
final class ShareCounters {
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong challenged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();

    void served() {
        served.incrementAndGet();
    }

    void challenged() {
        challenged.incrementAndGet();
    }

    void refused() {
        refused.incrementAndGet();
    }

    void malformed() {
        malformed.incrementAndGet();
    }

    /** Requests answered for an authenticated user (200, 404 and 405 alike). */
    long servedCount() {
        return served.get();
    }

    /** Requests without Negotiate credentials, answered with the challenge. */
    long challengedCount() {
        return challenged.get();
    }

    /** Requests whose Negotiate token was refused. */
    long refusedCount() {
        return refused.get();
    }

    /** Requests that were not HTTP, too long or too slow. */
    long malformedCount() {
        return malformed.get();
    }
}
