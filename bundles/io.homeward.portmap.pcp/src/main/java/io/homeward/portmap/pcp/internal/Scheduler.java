package io.homeward.portmap.pcp.internal;

import java.time.Duration;

/** The mapper's timer thread; tests use a manual one so renewals run when the test says. */
interface Scheduler {

    /** Runs the task on the timer thread as soon as possible. */
    void execute(Runnable task);

    /** Runs the task on the timer thread after the delay; the handle cancels it. */
    Cancellable schedule(Runnable task, Duration delay);

    /** A pending timer. */
    interface Cancellable {
        void cancel();
    }
}
