package io.homeward.portmap.pcp.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs tasks only when the test says; timers are kept with their delays so tests can check and fire them. */
final class ManualScheduler implements Scheduler {
    record Timer(Runnable task, Duration delay, boolean[] cancelled) {
    }

    private final List<Runnable> ready = new ArrayList<>();
    final List<Timer> timers = new ArrayList<>();

    @Override
    public synchronized void execute(Runnable task) {
        ready.add(task);
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Timer timer = new Timer(task, delay, new boolean[1]);
        timers.add(timer);
        return () -> timer.cancelled()[0] = true;
    }

    /** Runs queued tasks, and the ones they queue, until none is left (bounded). */
    void runReady() {
        for (int round = 0; round < 100; round++) {
            List<Runnable> now;
            synchronized (this) {
                if (ready.isEmpty()) {
                    return;
                }
                now = new ArrayList<>(ready);
                ready.clear();
            }
            now.forEach(Runnable::run);
        }
        throw new AssertionError("tasks kept queueing tasks");
    }

    /** The timers not cancelled, oldest first. */
    synchronized List<Timer> pending() {
        return timers.stream().filter(t -> !t.cancelled()[0]).toList();
    }

    /** Fires the oldest pending timer. */
    void fireNext() {
        Timer next = pending().get(0);
        next.cancelled()[0] = true;
        next.task().run();
        runReady();
    }
}
