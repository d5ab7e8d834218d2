package io.homeward.rendezvous.dns.internal.journal;

import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

import org.osgi.service.log.Logger;

/**
 * Logs the journal's write and flush failures without filling the disk the journal needs (a full disk fails every
 * update): the first failure of a run with its stack trace, then at most one counted summary per interval, and one
 * line once the journal works again.
 */
final class FailureLog {
    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private boolean failing;
    private long runFailures;
    private long unreported;
    private long unreportedUpdates;
    private long lastLine;

    FailureLog(Logger log, Duration interval, LongSupplier nanoTime) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The journal could not keep {@code updates} update(s), answered SERVFAIL. */
    synchronized void failed(IOException e, int updates) {
        long now = nanoTime.getAsLong();
        runFailures++;
        if (!failing) {
            failing = true;
            lastLine = now;
            log.error("The DNS journal cannot store updates; {} answered SERVFAIL. Further failures are counted"
                    + " and summarised every {} s until it works again", updates, intervalNanos / 1_000_000_000L, e);
            return;
        }
        unreported++;
        unreportedUpdates += updates;
        if (now - lastLine >= intervalNanos) {
            log.error("The DNS journal still cannot store updates: {} more failure(s), {} update(s) answered SERVFAIL;"
                    + " the last: {}", unreported, unreportedUpdates, e.toString());
            unreported = 0;
            unreportedUpdates = 0;
            lastLine = now;
        }
    }

    /** The journal stored what it was given. */
    synchronized void succeeded() {
        if (failing) {
            log.warn("The DNS journal stores updates again after {} failure(s) ({} not summarised before)",
                    runFailures, unreported);
            failing = false;
            runFailures = 0;
            unreported = 0;
            unreportedUpdates = 0;
        }
    }
}
