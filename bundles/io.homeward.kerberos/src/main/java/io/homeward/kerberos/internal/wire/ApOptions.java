package io.homeward.kerberos.internal.wire;

/** APOptions bit numbers (RFC 4120 §5.5.1) for {@link KerberosFlags}. */
public final class ApOptions {
    public static final int USE_SESSION_KEY = 1;
    public static final int MUTUAL_REQUIRED = 2;

    private ApOptions() {
    }
}
