package io.homeward.registrar.internal;

import java.time.Duration;

/** The registrar's one logic thread and its timers; tests use a manual one driven by a fake clock. */
interface Scheduler {
    /** A timer that can be stopped before it fires. */
    interface Timer {
        void cancel();
    }

    void execute(Runnable task);

    Timer schedule(Runnable task, Duration delay);
}
