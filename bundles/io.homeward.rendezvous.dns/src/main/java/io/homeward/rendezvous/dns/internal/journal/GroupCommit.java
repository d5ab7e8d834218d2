package io.homeward.rendezvous.dns.internal.journal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.osgi.service.log.Logger;

/**
 * Acknowledges journaled changes once they are on the device, flushing once for all that are
 * waiting: with many updates outstanding each flush covers a batch of them, instead of one flush
 * per update while the zone is locked. Owns one thread, stopped by {@link #close}.
 */
public final class GroupCommit implements AutoCloseable {

    /** Flushes the journal up to an offset. */
    @FunctionalInterface
    public interface Flusher {
        void awaitDurable(long offset) throws IOException;
    }

    /** What to do once a change is durable, or when it could not be made so. */
    public interface Acknowledgement {
        void durable();

        void failed(IOException e);
    }

    private record Waiting(long offset, Acknowledgement ack) {
    }

    private final Flusher flusher;
    private final Logger log;
    private final LinkedBlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    public GroupCommit(Flusher flusher, Logger log, String name) {
        this.flusher = flusher;
        this.log = log;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code ack} once everything journaled up to {@code offset} is durable (at once for offset 0). */
    public void whenDurable(long offset, Acknowledgement ack) {
        if (offset <= 0) {
            ack.durable();
        } else {
            queue.add(new Waiting(offset, ack));
        }
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
            log.error("The DNS journal could not be flushed; {} update(s) answered SERVFAIL", batch.size(), e);
            batch.forEach(w -> w.ack().failed(e));
            return;
        }
        for (Waiting w : batch) {
            try {
                w.ack().durable();
            } catch (RuntimeException e) {
                log.error("Acknowledging a durable update failed", e);
            }
        }
    }

    /** Acknowledges what is still waiting, then stops the thread (bounded wait). */
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
