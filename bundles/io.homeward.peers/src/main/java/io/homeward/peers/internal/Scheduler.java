package io.homeward.peers.internal;

import java.time.Duration;

/** The directory's one logic thread: every state change runs here, one task at a time. */
interface Scheduler {
    void execute(Runnable task);

    void schedule(Runnable task, Duration delay);

    /** Lets queued work finish, then stops; false when it did not stop within {@code wait}. */
    boolean shutdown(Duration wait) throws InterruptedException;
}
