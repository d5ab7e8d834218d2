package io.homeward.portmap.pcp.internal.wire;

/** The gateway answered "unsupported version"; {@link #spokenVersion()} is what it speaks instead. */
public final class VersionMismatchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int spokenVersion;

    public VersionMismatchException(int spokenVersion) {
        super("the gateway answered 'unsupported version'; it speaks version " + spokenVersion);
        this.spokenVersion = spokenVersion;
    }

    public int spokenVersion() {
        return spokenVersion;
    }
}
