package io.homeward.watcher.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler whose clock only moves when the test advances it; tasks run on the test's thread. */
final class ManualScheduler implements Scheduler {
    private final List<Task> tasks = new ArrayList<>();
    private long now = 1_700_000_000_000L;
    private long sequence;

    private final class Task implements Cancellable {
        final long due;
        final long order = sequence++;
        final Runnable body;
        boolean cancelled;

        Task(long due, Runnable body) {
            this.due = due;
            this.body = body;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public long nowMillis() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMillis) {
        Task scheduled = new Task(now + Math.max(0, delayMillis), task);
        tasks.add(scheduled);
        return scheduled;
    }

    /** Moves the clock forward, running every task that falls due on the way, in order. */
    void advance(long millis) {
        long end = now + millis;
        while (true) {
            Task next = tasks.stream().filter(t -> !t.cancelled && t.due <= end)
                    .min(Comparator.comparingLong((Task t) -> t.due).thenComparingLong(t -> t.order)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            now = Math.max(now, next.due);
            next.body.run();
        }
        now = end;
        tasks.removeIf(t -> t.cancelled);
    }

    /** Milliseconds until the earliest pending task, or -1 when none is pending. */
    long nextDelay() {
        return tasks.stream().filter(t -> !t.cancelled).mapToLong(t -> t.due - now).min().orElse(-1);
    }
}
