package io.homeward.kerberos.internal.pkinit;

/** The KRB-ERROR codes of a PKINIT exchange (RFC 4120 §7.5.9, RFC 4556 §3.1.3, RFC 8636 §5). */
public enum PkinitError {
    PREAUTH_FAILED(24),
    SKEW(37),
    MODIFIED(41),
    CLIENT_NOT_TRUSTED(62),
    KDC_NOT_TRUSTED(63),
    INVALID_SIG(64),
    DH_KEY_PARAMETERS_NOT_ACCEPTED(65),
    CANT_VERIFY_CERTIFICATE(70),
    INVALID_CERTIFICATE(71),
    REVOKED_CERTIFICATE(72),
    CLIENT_NAME_MISMATCH(75),
    KDC_NAME_MISMATCH(76),
    INCONSISTENT_KEY_PURPOSE(77),
    PA_CHECKSUM_MUST_BE_INCLUDED(79),
    PUBLIC_KEY_ENCRYPTION_NOT_SUPPORTED(81),
    NO_ACCEPTABLE_KDF(100);

    private final int code;

    PkinitError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
