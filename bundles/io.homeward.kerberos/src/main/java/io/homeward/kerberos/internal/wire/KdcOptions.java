package io.homeward.kerberos.internal.wire;

/** KDCOptions bit numbers (RFC 4120 §5.4.1; canonicalize: RFC 6806) for {@link KerberosFlags}. */
public final class KdcOptions {
    public static final int FORWARDABLE = 1;
    public static final int FORWARDED = 2;
    public static final int PROXIABLE = 3;
    public static final int PROXY = 4;
    public static final int ALLOW_POSTDATE = 5;
    public static final int POSTDATED = 6;
    public static final int RENEWABLE = 8;
    public static final int CANONICALIZE = 15;
    public static final int DISABLE_TRANSITED_CHECK = 26;
    public static final int RENEWABLE_OK = 27;
    public static final int ENC_TKT_IN_SKEY = 28;
    public static final int RENEW = 30;
    public static final int VALIDATE = 31;

    private KdcOptions() {
    }
}
