package io.homeward.portmap.upnp.internal;

import java.io.IOException;

/** The gateway answered an action with a UPnP error (IGD §2.4, for example 718 ConflictInMappingEntry). */
final class UpnpFault extends IOException {
    private static final long serialVersionUID = 1L;

    static final int INVALID_ACTION = 401;
    static final int NOT_IMPLEMENTED = 602;
    static final int NO_SUCH_ENTRY = 714;
    static final int CONFLICT = 718;
    static final int SAME_PORT_VALUES_REQUIRED = 724;
    static final int ONLY_PERMANENT_LEASES = 725;

    private final int code;

    UpnpFault(String action, int code, String description) {
        super(action + " failed with UPnP error " + code + (description.isEmpty() ? "" : " " + description));
        this.code = code;
    }

    int code() {
        return code;
    }
}
