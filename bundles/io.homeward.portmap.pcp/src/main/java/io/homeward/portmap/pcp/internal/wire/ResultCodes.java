package io.homeward.portmap.pcp.internal.wire;

/** Result codes in words a user can act on (RFC 6886 §3.5, RFC 6887 §7.4). */
public final class ResultCodes {
    private static final String NO_PUBLIC_ADDRESS = "the router has no usable public address (it may have no Internet "
            + "connection yet, or its own WAN address is private: a double NAT, where port mapping cannot help)";

    private ResultCodes() {
    }

    public static String natPmp(int result) {
        return switch (result) {
            case 1 -> "unsupported version";
            case 2 -> "the router refuses port mapping (NAT-PMP is disabled or this host is not allowed)";
            case 3 -> NO_PUBLIC_ADDRESS;
            case 4 -> "the router is out of resources (mapping table full or the port is taken)";
            case 5 -> "the router does not support this request (unsupported opcode)";
            default -> "the router answered with unknown NAT-PMP result code " + result;
        };
    }

    public static String pcp(int result) {
        return switch (result) {
            case 1 -> "unsupported version";
            case 2 -> "the router refuses port mapping (PCP NOT_AUTHORIZED: disabled or this host is not allowed)";
            case 3 -> "the router found the request malformed (PCP MALFORMED_REQUEST)";
            case 4 -> "the router does not support MAP (PCP UNSUPP_OPCODE)";
            case 5 -> "the router does not support a requested option (PCP UNSUPP_OPTION)";
            case 6 -> "the router found an option malformed (PCP MALFORMED_OPTION)";
            case 7 -> NO_PUBLIC_ADDRESS + " (PCP NETWORK_FAILURE)";
            case 8 -> "the router is out of resources (PCP NO_RESOURCES)";
            case 9 -> "the router cannot map this transport protocol (PCP UNSUPP_PROTOCOL)";
            case 10 -> "this host has used up its mapping quota on the router (PCP USER_EX_QUOTA)";
            case 11 -> "the router cannot provide the requested external port (PCP CANNOT_PROVIDE_EXTERNAL)";
            case 12 -> "the router sees another source address than this host's: another NAT sits between them "
                    + "(PCP ADDRESS_MISMATCH)";
            case 13 -> "too many remote peers (PCP EXCESSIVE_REMOTE_PEERS)";
            default -> "the router answered with unknown PCP result code " + result;
        };
    }
}
