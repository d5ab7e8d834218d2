package io.homeward.rendezvous.dns.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.osgi.util.promise.Promise;

import io.homeward.rendezvous.dns.internal.TestLogger;

class GroupCommitTest {

    /** Updates that arrive while a flush is running wait for the next one, which covers them all. */
    @Test
    void oneFlushAcknowledgesEveryUpdateWaitingForIt() throws Exception {
        CountDownLatch firstFlushStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstFlush = new CountDownLatch(1);
        AtomicInteger flushes = new AtomicInteger();
        List<Long> flushedUpTo = new CopyOnWriteArrayList<>();
        GroupCommit.Flusher flusher = offset -> {
            if (flushes.incrementAndGet() == 1) {
                firstFlushStarted.countDown();
                await(releaseFirstFlush);
            }
            flushedUpTo.add(offset);
        };
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        try (GroupCommit commit = new GroupCommit(flusher, failures(new TestLogger()), "test-group-commit")) {
            ack(commit.whenDurable(10), acknowledged, 10);
            assertTrue(firstFlushStarted.await(5, TimeUnit.SECONDS));
            for (long offset = 20; offset <= 1000; offset += 10) {
                ack(commit.whenDurable(offset), acknowledged, offset);
            }
            assertTrue(acknowledged.isEmpty(), "nothing is acknowledged before its flush");
            releaseFirstFlush.countDown();
            long deadline = System.currentTimeMillis() + 5_000;
            while (acknowledged.size() < 100 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
        }
        assertEquals(100, acknowledged.size());
        assertEquals(2, flushes.get(), "99 updates waiting behind the first flush share the second");
        assertEquals(List.of(10L, 1000L), flushedUpTo);
    }

    @Test
    void aFailedFlushAnswersEveryWaiterWithTheFailure() throws Exception {
        List<String> outcomes = new CopyOnWriteArrayList<>();
        try (GroupCommit commit = new GroupCommit(offset -> {
            throw new IOException("disk full");
        }, failures(new TestLogger()), "test-group-commit")) {
            commit.whenDurable(5)
                    .onSuccess(durable -> outcomes.add("durable"))
                    .onFailure(e -> outcomes.add("failed: " + e.getMessage()));
        }
        assertEquals(List.of("failed: disk full"), outcomes);
    }

    private static FailureLog failures(TestLogger log) {
        return new FailureLog(log.logger(), Duration.ofMinutes(1), System::nanoTime);
    }

    private static void ack(Promise<Void> durable, List<Long> acknowledged, long offset) {
        durable.onSuccess(v -> acknowledged.add(offset)).onFailure(e -> {
            throw new AssertionError("unexpected failure", e);
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
