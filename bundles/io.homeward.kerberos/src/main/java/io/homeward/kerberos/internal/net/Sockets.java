package io.homeward.kerberos.internal.net;

import java.io.Closeable;
import java.io.IOException;

/** Small things every listener loop needs. */
final class Sockets {
    static final long PAUSE_AFTER_FAILURE_MILLIS = 100;

    private Sockets() {
    }

    /**
     * A socket call failed: waits a little before the loop's next call, so a lasting error (no file descriptors)
     * cannot spin. Returns at once when the loop's socket was closed (the loop is ending).
     */
    static void pauseAfterFailure(boolean closed) {
        if (closed) {
            return;
        }
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(Closeable socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket releases it whatever the outcome.
        }
    }
}
