package io.homeward.kit.schedule;

import java.time.Duration;

/** Runs a component's work one task at a time, now or later; a seam so tests control time. */
public interface Scheduler {

    /** A task that may still be cancelled. */
    interface Scheduled {
        void cancel();
    }

    void execute(Runnable task);

    Scheduled schedule(Runnable task, Duration delay);
}
