package io.homeward.kit.enroll;

/** An invite code that cannot be read; the message says what to do, in one line. */
public final class InviteCodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public InviteCodeException(String message) {
        super(message);
    }
}
