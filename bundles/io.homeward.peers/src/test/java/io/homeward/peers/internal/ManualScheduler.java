package io.homeward.peers.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * Runs tasks at once on the calling thread, one after the other (a task queued by a running task
 * waits for it), and delayed tasks only when the test calls {@link #settle()}.
 */
final class ManualScheduler implements Scheduler {
    private final Queue<Runnable> ready = new ArrayDeque<>();
    private final List<Runnable> delayed = new ArrayList<>();
    private boolean running;

    @Override
    public void execute(Runnable task) {
        ready.add(task);
        if (running) {
            return;
        }
        running = true;
        try {
            for (Runnable next = ready.poll(); next != null; next = ready.poll()) {
                next.run();
            }
        } finally {
            running = false;
        }
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        delayed.add(task);
    }

    /** Runs what is queued (a test thread has nothing to stop). */
    @Override
    public boolean shutdown(Duration wait) {
        settle();
        return true;
    }

    /** Lets the settle time pass: runs every delayed task (and what they queue) until none is left. */
    void settle() {
        for (int round = 0; round < 100 && !delayed.isEmpty(); round++) {
            List<Runnable> due = List.copyOf(delayed);
            delayed.clear();
            due.forEach(this::execute);
        }
    }
}
