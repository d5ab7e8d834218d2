package io.homeward.kerberos.internal.kdc;

import java.util.Optional;

/**
 * A request the KDC refuses: the KRB-ERROR error-code (RFC 4120 §7.5.9, RFC 4556 §3.1.3), the one-line reason sent
 * as e-text and logged, and the e-data when the code has one (METHOD-DATA for PREAUTH_REQUIRED, TD-DH-PARAMETERS).
 */
final class KdcRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final byte[] eData;

    KdcRefusal(int code, String reason) {
        this(code, reason, null);
    }

    KdcRefusal(int code, String reason, byte[] eData) {
        super(reason.replaceAll("[\\r\\n]+", " "));
        this.code = code;
        this.eData = eData == null ? null : eData.clone();
    }

    int code() {
        return code;
    }

    Optional<byte[]> eData() {
        return Optional.ofNullable(eData).map(byte[]::clone);
    }
}
