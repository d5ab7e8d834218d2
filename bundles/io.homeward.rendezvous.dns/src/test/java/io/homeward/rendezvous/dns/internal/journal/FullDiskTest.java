package io.homeward.rendezvous.dns.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

import io.homeward.rendezvous.dns.internal.ServerFixture;
import io.homeward.rendezvous.dns.internal.zone.JournalEntry;

/** A full disk fails every update: the log must not grow with them, nor compaction be tried on every commit. */
class FullDiskTest {
    private final AtomicLong nanos = new AtomicLong();
    /** Every line logged, and whether it carried a stack trace. */
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getReturnType() == boolean.class) {
                    return true;
                }
                if (args != null && args.length > 0 && args[0] instanceof String format) {
                    Object last = args[args.length - 1];
                    boolean trace = last instanceof Throwable || last instanceof Object[] array && array.length > 0
                            && array[array.length - 1] instanceof Throwable;
                    lines.add(method.getName().toUpperCase() + (trace ? " +trace " : " ") + format);
                }
                return null;
            });

    @Test
    void aFailingFlushLogsOneStackTraceThenCountedSummaries() throws Exception {
        AtomicInteger flushes = new AtomicInteger();
        FailureLog failures = new FailureLog(logger, Duration.ofMinutes(1), nanos::get);
        try (GroupCommit commit = new GroupCommit(offset -> {
            flushes.incrementAndGet();
            throw new IOException("No space left on device");
        }, failures, "test-group-commit")) {
            for (int i = 0; i < 500; i++) {
                assertEquals("No space left on device", commit.whenDurable(i).getFailure().getMessage());
            }
            assertEquals(500, flushes.get());
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("ERROR +trace"), lines.toString());

            nanos.addAndGet(Duration.ofMinutes(1).toNanos());
            commit.whenDurable(500).getFailure();
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(1).startsWith("ERROR The DNS journal still cannot"), lines.toString());
        }
    }

    @Test
    void theLogSaysOnceWhenTheJournalWorksAgain() {
        FailureLog failures = new FailureLog(logger, Duration.ofMinutes(1), nanos::get);
        for (int i = 0; i < 10; i++) {
            failures.failed(new IOException("No space left on device"), 1);
        }
        failures.succeeded();
        failures.succeeded();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("WARN") && lines.get(1).contains("again"), lines.toString());
        failures.failed(new IOException("No space left on device"), 1);
        assertTrue(lines.get(2).startsWith("ERROR +trace"), "a new run of failures starts with its stack trace");
    }

    @Test
    void compactionThatFailsBacksOffExponentiallyInsteadOfRetryingOnEveryCommit(@TempDir Path dir)
            throws Exception {
        // A directory where the temporary snapshot goes: every attempt to write it fails.
        Files.createDirectories(dir.resolve("snapshot.tmp").resolve("blocker"));
        AtomicInteger attempts = new AtomicInteger();
        try (FileJournal journal = new FileJournal(dir, 0, logger, nanos::get)) {
            journal.appendDurably(new JournalEntry.ZoneAdded(ServerFixture.ALICE, 1));
            Runnable commit = () -> journal.compactIfLarge(() -> {
                attempts.incrementAndGet();
                return List.of(new JournalEntry.ZoneAdded(ServerFixture.ALICE, 1));
            });
            for (int i = 0; i < 100; i++) {
                commit.run();
            }
            assertEquals(1, attempts.get(), "one attempt, then it waits");
            long[] waits = {1, 2, 4, 8, 16};
            for (long wait : waits) {
                nanos.addAndGet(Duration.ofSeconds(wait).toNanos() - 1);
                commit.run();
                int before = attempts.get();
                nanos.incrementAndGet();
                commit.run();
                commit.run();
                assertEquals(before + 1, attempts.get(), "the next attempt comes after " + wait + " s, not before");
            }
            nanos.addAndGet(Duration.ofHours(1).toNanos());
            commit.run();
            nanos.addAndGet(Duration.ofMinutes(10).toNanos());
            commit.run();
            assertEquals(8, attempts.get(), "the wait is bounded by ten minutes");

            Files.delete(dir.resolve("snapshot.tmp").resolve("blocker"));
            nanos.addAndGet(Duration.ofMinutes(10).toNanos());
            commit.run();
            assertTrue(Files.exists(dir.resolve(FileJournal.SNAPSHOT)), "compacted once the disk has room");
            assertEquals(0, Files.size(dir.resolve(FileJournal.JOURNAL)));
        }
    }
}
