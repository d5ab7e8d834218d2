package io.homeward.api.accounts;

/** An account operation was refused; the message says why. */
public class AccountException extends Exception {
    private static final long serialVersionUID = 1L;

    public AccountException(String message) {
        super(message);
    }

    public AccountException(String message, Throwable cause) {
        super(message, cause);
    }
}
