package io.homeward.registrar.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.homeward.testkit.MutableClock;

/** Runs tasks on the test's thread; timers fire only when the test advances the shared fake clock. */
final class ManualScheduler implements Scheduler {
    final MutableClock clock = new MutableClock();
    private final List<Task> tasks = new ArrayList<>();
    private long sequence;

    private final class Task implements Timer {
        final Instant due;
        final long order = sequence++;
        final Runnable body;
        boolean cancelled;

        Task(Instant due, Runnable body) {
            this.due = due;
            this.body = body;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public Timer schedule(Runnable task, Duration delay) {
        Task timer = new Task(clock.instant().plus(delay), task);
        tasks.add(timer);
        return timer;
    }

    /** Moves time forward, running each timer that falls due on the way, at its due time. */
    void advance(Duration by) {
        Instant end = clock.instant().plus(by);
        while (true) {
            Task next = tasks.stream().filter(t -> !t.cancelled && !t.due.isAfter(end))
                    .min(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            if (next.due.isAfter(clock.instant())) {
                clock.set(next.due);
            }
            next.body.run();
        }
        clock.set(end);
        tasks.removeIf(t -> t.cancelled);
    }

    /** Time until the earliest live timer, or null when none is armed. */
    Duration nextDelay() {
        return tasks.stream().filter(t -> !t.cancelled).map(t -> Duration.between(clock.instant(), t.due))
                .min(Comparator.naturalOrder()).orElse(null);
    }
}
