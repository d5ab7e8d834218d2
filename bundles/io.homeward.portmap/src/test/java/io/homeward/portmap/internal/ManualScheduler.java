package io.homeward.portmap.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

import io.homeward.testkit.MutableClock;
import io.homeward.kit.schedule.Scheduler;

/**
 * Runs tasks on the caller's thread, one after another like the real single-thread scheduler, and
 * delayed tasks only when the test moves the clock past them.
 */
final class ManualScheduler implements Scheduler {
    private record Timed(Instant due, Runnable task, boolean[] cancelled) {
    }

    private final MutableClock clock;
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final List<Timed> timed = new ArrayList<>();
    private boolean running;

    ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        if (running) {
            return;
        }
        running = true;
        try {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        } finally {
            running = false;
        }
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        boolean[] cancelled = {false};
        timed.add(new Timed(clock.instant().plus(delay), task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves the clock and runs, in order, every task that has come due and was not cancelled. */
    void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        while (true) {
            Timed next = timed.stream().filter(t -> !t.cancelled()[0] && !t.due().isAfter(end))
                    .min(Comparator.comparing(Timed::due)).orElse(null);
            if (next == null) {
                break;
            }
            timed.remove(next);
            clock.advance(Duration.between(clock.instant(), next.due()));
            execute(next.task());
        }
        clock.advance(Duration.between(clock.instant(), end));
        timed.removeIf(t -> t.cancelled()[0]);
    }

    long pending() {
        return timed.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
