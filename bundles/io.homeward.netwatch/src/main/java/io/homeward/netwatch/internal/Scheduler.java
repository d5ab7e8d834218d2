package io.homeward.netwatch.internal;

import java.time.Duration;

/** Runs the watcher's work one task at a time, now or later; a seam so tests control time. */
interface Scheduler {

    /** A task that may still be cancelled. */
    interface Scheduled {
        void cancel();
    }

    void execute(Runnable task);

    Scheduled schedule(Runnable task, Duration delay);
}
