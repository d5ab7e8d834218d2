package io.homeward.kerberos.internal.pkinit;

import java.util.Optional;

/**
 * A refused PKINIT exchange, with the KRB-ERROR error-code (RFC 4120 §7.5.9, RFC 4556 §3.1.3) the KDC answers or the
 * client reports, and the KRB-ERROR e-data when the code has one (TD-DH-PARAMETERS for
 * {@link PkinitError#DH_KEY_PARAMETERS_NOT_ACCEPTED}).
 */
public final class PkinitException extends Exception {
    private static final long serialVersionUID = 1L;

    private final PkinitError error;
    private final byte[] eData;

    public PkinitException(PkinitError error, String message) {
        this(error, message, null);
    }

    public PkinitException(PkinitError error, String message, byte[] eData) {
        super(error + ": " + message);
        this.error = error;
        this.eData = eData == null ? null : eData.clone();
    }

    public PkinitError error() {
        return error;
    }

    /** The KRB-ERROR error-code. */
    public int errorCode() {
        return error.code();
    }

    /** The KRB-ERROR e-data (a DER TYPED-DATA), when the error carries one. */
    public Optional<byte[]> eData() {
        return Optional.ofNullable(eData).map(byte[]::clone);
    }
}
