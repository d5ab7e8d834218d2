package io.homeward.api.signin;

/**
 * An {@link AgentAccount} operation was refused or failed; the message is one line saying why.
 *
 * @since 1.0
 */
public class AccountActionException extends Exception {
    private static final long serialVersionUID = 1L;

    public AccountActionException(String message) {
        super(message);
    }
}
