package io.homeward.kerberos.internal.wire;

/**
 * Octets that are not the Kerberos message, token or frame they were read as. The reason is one line for the log;
 * {@link #errorCode()} is the KRB-ERROR code (RFC 4120 §7.5.9) a KDC answers with, if it answers at all.
 */
public final class KerberosFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errorCode;

    /** Malformed input: KRB_ERR_GENERIC. */
    public KerberosFormatException(String reason) {
        this(ErrorCodes.KRB_ERR_GENERIC, reason);
    }

    public KerberosFormatException(int errorCode, String reason) {
        super(reason.replaceAll("[\\r\\n]+", " "));
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The same refusal, its reason prefixed with where in the enclosing structure it happened. */
    KerberosFormatException within(String where) {
        return new KerberosFormatException(errorCode, where + ": " + getMessage());
    }
}
