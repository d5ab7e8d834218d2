package io.homeward.api.kerberos;

/**
 * A client's ticket or authenticator was refused.
 *
 * @since 1.0
 */
public class AuthenticationRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errorCode;

    /**
     * @param errorCode the Kerberos error code (RFC 4120 §7.5.9), for example 32 for an expired ticket, 34 for a
     *                  replayed authenticator, 37 for a clock too far off
     * @param reason    a one-line reason a person can act on
     */
    public AuthenticationRefusedException(int errorCode, String reason) {
        super(reason);
        this.errorCode = errorCode;
    }

    /** The Kerberos error code (RFC 4120 §7.5.9). */
    public int errorCode() {
        return errorCode;
    }
}
