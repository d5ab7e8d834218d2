package io.homeward.portmap.pcp.internal;

/** The gateway answered "unsupported version"; {@link #spokenVersion()} is what it speaks instead. */
final class VersionMismatchException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int spokenVersion;

    VersionMismatchException(int spokenVersion) {
        super("the gateway answered 'unsupported version'; it speaks version " + spokenVersion);
        this.spokenVersion = spokenVersion;
    }

    int spokenVersion() {
        return spokenVersion;
    }
}
