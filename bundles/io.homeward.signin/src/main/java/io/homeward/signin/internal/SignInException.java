package io.homeward.signin.internal;

/** Sign-in failed; the message is one line an operator can act on. */
final class SignInException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The HTTP status of the enrollment server's refusal, 0 when the failure was not one. */
    private final int status;

    SignInException(String message) {
        this(message, 0);
    }

    /** @param status the enrollment server's HTTP status */
    SignInException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** Whether the enrollment server refused the request (4xx): asking again the same way changes nothing. */
    boolean refused() {
        return status >= 400 && status < 500;
    }

    SignInException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }
}
