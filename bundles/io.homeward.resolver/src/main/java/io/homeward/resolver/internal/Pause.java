package io.homeward.resolver.internal;

/** A socket loop whose call failed waits a little before the next, so a lasting error (no file descriptors) cannot spin. */
final class Pause {
    static final long AFTER_FAILURE_MILLIS = 100;

    private Pause() {
    }

    /** Returns at once when the loop's socket was closed (the loop is ending). */
    static void afterFailure(boolean closed) {
        if (closed) {
            return;
        }
        try {
            Thread.sleep(AFTER_FAILURE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
