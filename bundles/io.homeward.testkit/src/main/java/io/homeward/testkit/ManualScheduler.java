package io.homeward.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import io.homeward.kit.schedule.Scheduler;

/** Runs tasks in order on the test's thread; delayed ones only when the test moves the clock past them. */
public final class ManualScheduler implements Scheduler {
    private record Timed(Instant due, long order, Runnable task, boolean[] cancelled) {
    }

    private final MutableClock clock;
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final List<Timed> timed = new ArrayList<>();
    private long scheduled;
    private boolean draining;

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        } finally {
            draining = false;
        }
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        boolean[] cancelled = {false};
        timed.add(new Timed(clock.instant().plus(delay), scheduled++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /**
     * Moves the clock forward, running each timer that falls due on the way at its due time (a timer already
     * overdue, because the test moved the shared clock itself, runs at the clock's time: late, as on a busy thread).
     */
    public void advance(Duration by) {
        Instant end = clock.instant().plus(by);
        while (true) {
            Timed next = timed.stream().filter(t -> !t.cancelled()[0] && !t.due().isAfter(end))
                    .min(Comparator.comparing(Timed::due).thenComparingLong(Timed::order)).orElse(null);
            if (next == null) {
                break;
            }
            timed.remove(next);
            if (next.due().isAfter(clock.instant())) {
                clock.set(next.due());
            }
            execute(next.task());
        }
        clock.set(end);
    }

    /** Runs the timers due by the clock's time, after the test moved the clock itself. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    public long pending() {
        return timed.stream().filter(t -> !t.cancelled()[0]).count();
    }

    /** Time from the clock's instant to the earliest live timer; empty when none is armed. */
    public Optional<Duration> nextDelay() {
        return timed.stream().filter(t -> !t.cancelled()[0]).map(Timed::due).min(Comparator.naturalOrder())
                .map(due -> Duration.between(clock.instant(), due));
    }
}
