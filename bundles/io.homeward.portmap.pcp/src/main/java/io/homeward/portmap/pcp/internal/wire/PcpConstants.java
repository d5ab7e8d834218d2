package io.homeward.portmap.pcp.internal.wire;

/** Numbers shared by PCP (RFC 6887) and NAT-PMP (RFC 6886). */
public final class PcpConstants {
    /** The gateway listens here for both protocols. */
    public static final int SERVER_PORT = 5351;
    /** Clients hear gateway announcements here, sent to 224.0.0.1. */
    public static final int ANNOUNCE_PORT = 5350;
    public static final String ANNOUNCE_GROUP = "224.0.0.1";

    public static final int NAT_PMP_VERSION = 0;
    public static final int PCP_VERSION = 2;
    public static final int RESPONSE_BIT = 0x80;
    /** Both protocols use result 1 for "unsupported version" (RFC 6886 §3.5, RFC 6887 §7.4). */
    public static final int UNSUPPORTED_VERSION = 1;

    private PcpConstants() {
    }
}
