package io.homeward.ike.internal.wire;

/**
 * A message that breaks RFC 7296 §3. The reason is one line for the log; {@link #notifyType()} and
 * {@link #notifyData()} are what RFC 7296 §2.21 says to answer with, if anything is answered.
 */
public final class IkeFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final NotifyType notifyType;
    private final byte[] notifyData;

    /** A malformed message: INVALID_SYNTAX (RFC 7296 §3.10.1). */
    public IkeFormatException(String reason) {
        this(NotifyType.INVALID_SYNTAX, new byte[0], reason);
    }

    public IkeFormatException(NotifyType notifyType, byte[] notifyData, String reason) {
        super(reason);
        this.notifyType = notifyType;
        this.notifyData = notifyData.clone();
    }

    public NotifyType notifyType() {
        return notifyType;
    }

    public byte[] notifyData() {
        return notifyData.clone();
    }
}
