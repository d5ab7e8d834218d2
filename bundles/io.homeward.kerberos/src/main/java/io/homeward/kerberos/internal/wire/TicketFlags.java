package io.homeward.kerberos.internal.wire;

/**
 * TicketFlags bit numbers (RFC 4120 §5.3; enc-pa-rep: RFC 6806 §11; anonymous: RFC 8062) for {@link KerberosFlags}.
 */
public final class TicketFlags {
    public static final int FORWARDABLE = 1;
    public static final int FORWARDED = 2;
    public static final int PROXIABLE = 3;
    public static final int PROXY = 4;
    public static final int MAY_POSTDATE = 5;
    public static final int POSTDATED = 6;
    public static final int INVALID = 7;
    public static final int RENEWABLE = 8;
    public static final int INITIAL = 9;
    public static final int PRE_AUTHENT = 10;
    public static final int HW_AUTHENT = 11;
    public static final int TRANSITED_POLICY_CHECKED = 12;
    public static final int OK_AS_DELEGATE = 13;
    public static final int ENC_PA_REP = 15;
    public static final int ANONYMOUS = 16;

    private TicketFlags() {
    }
}
