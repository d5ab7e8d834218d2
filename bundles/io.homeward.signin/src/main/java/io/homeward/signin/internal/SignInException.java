package io.homeward.signin.internal;

/** Sign-in failed; the message is one line an operator can act on. */
final class SignInException extends Exception {
    private static final long serialVersionUID = 1L;

    SignInException(String message) {
        super(message);
    }

    SignInException(String message, Throwable cause) {
        super(message, cause);
    }
}
