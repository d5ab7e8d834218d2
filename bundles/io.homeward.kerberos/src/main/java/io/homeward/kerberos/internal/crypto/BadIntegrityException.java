package io.homeward.kerberos.internal.crypto;

import java.security.GeneralSecurityException;

/**
 * A ciphertext that cannot be authentic: shorter than the confounder and checksum, or its checksum does not match
 * (the wrong key or key usage, or a modified message). A KDC answers KRB_AP_ERR_BAD_INTEGRITY (RFC 4120 §7.5.9).
 */
public final class BadIntegrityException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    public BadIntegrityException(String message) {
        super(message);
    }
}
