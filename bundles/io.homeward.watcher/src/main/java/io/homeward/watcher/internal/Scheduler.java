package io.homeward.watcher.internal;

/**
 * The single logic thread every watcher state machine runs on, and its clock. Tests use a manual
 * implementation so timers fire when the test says.
 */
interface Scheduler {

    /** Milliseconds since the epoch. */
    long nowMillis();

    /** Runs the task on the logic thread as soon as possible. */
    void execute(Runnable task);

    /** Runs the task on the logic thread after the delay; the returned handle cancels it. */
    Cancellable schedule(Runnable task, long delayMillis);

    /** A pending timer. */
    interface Cancellable {
        void cancel();
    }
}
