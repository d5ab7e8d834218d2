package io.homeward.api.enroll;

/**
 * A refused or failed enrollment request; the message is one line saying what to change.
 *
 * @since 1.0
 */
public class EnrollmentException extends Exception {
    private static final long serialVersionUID = 1L;

    public EnrollmentException(String message) {
        super(message);
    }

    public EnrollmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
