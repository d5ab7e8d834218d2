package io.homeward.rendezvous.dns.internal.journal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.util.promise.Deferred;
import org.osgi.util.promise.Promise;
import org.osgi.util.promise.PromiseFactory;

/**
 * Resolves the completions of journaled entries once they are on the device, flushing once for all that are
 * waiting: with many updates outstanding each flush covers a batch of them, instead of one flush per update
 * while the zone is locked. Owns one thread, stopped by {@link #close}; completions resolve on it.
 */
final class GroupCommit implements AutoCloseable {

    /** Flushes the journal up to an offset. */
    @FunctionalInterface
    interface Flusher {
        void awaitDurable(long offset) throws IOException;
    }

    private record Waiting(long offset, Deferred<Void> durable) {
    }

    /** Callbacks run on the thread that resolves, so the caller sees them in the order of the flushes. */
    private final PromiseFactory promises = new PromiseFactory(PromiseFactory.inlineExecutor());
    private final Flusher flusher;
    private final FailureLog failures;
    private final LinkedBlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    GroupCommit(Flusher flusher, FailureLog failures, String name) {
        this.flusher = flusher;
        this.failures = failures;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** A completion that resolves once everything journaled up to {@code offset} is durable. */
    Promise<Void> whenDurable(long offset) {
        Deferred<Void> durable = promises.deferred();
        queue.add(new Waiting(offset, durable));
        return durable.getPromise();
    }

    private void run() {
        List<Waiting> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Waiting first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void flush(List<Waiting> batch) {
        long highest = batch.stream().mapToLong(Waiting::offset).max().orElse(0);
        try {
            flusher.awaitDurable(highest);
        } catch (IOException e) {
            failures.failed(e, batch.size());
            batch.forEach(w -> w.durable().fail(e));
            return;
        }
        failures.succeeded();
        batch.forEach(w -> w.durable().resolve(null));
    }

    /** Resolves what is still waiting, then stops the thread (bounded wait). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
