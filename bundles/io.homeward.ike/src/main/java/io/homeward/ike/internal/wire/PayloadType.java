package io.homeward.ike.internal.wire;

/** Payload type numbers (RFC 7296 §3.2, RFC 7383 §2.5); 0 ends a chain. */
public final class PayloadType {
    public static final int NONE = 0;
    public static final int SA = 33;
    public static final int KE = 34;
    public static final int IDI = 35;
    public static final int IDR = 36;
    public static final int CERT = 37;
    public static final int CERTREQ = 38;
    public static final int AUTH = 39;
    public static final int NONCE = 40;
    public static final int NOTIFY = 41;
    public static final int DELETE = 42;
    public static final int VENDOR_ID = 43;
    public static final int TSI = 44;
    public static final int TSR = 45;
    public static final int SK = 46;
    public static final int CP = 47;
    public static final int EAP = 48;
    public static final int SKF = 53;

    private PayloadType() {
    }

    /** Whether RFC 7296 or RFC 7383 defines the type, so that its critical bit does not matter (§2.5). */
    static boolean isKnown(int type) {
        return type >= SA && type <= EAP || type == SKF;
    }
}
