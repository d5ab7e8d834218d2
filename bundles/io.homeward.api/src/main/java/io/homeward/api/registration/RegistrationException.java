package io.homeward.api.registration;

/** The server refused or could not be reached; the message says which and why. */
public class RegistrationException extends Exception {
    private static final long serialVersionUID = 1L;

    public RegistrationException(String message) {
        super(message);
    }

    public RegistrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
