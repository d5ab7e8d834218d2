package io.homeward.launcher;

/** The runtime cannot start; the message says why, in one line an operator can act on. */
final class StartupException extends Exception {
    private static final long serialVersionUID = 1L;

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
