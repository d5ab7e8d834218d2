package io.homeward.portmap.pcp.internal.wire;

/** A datagram that is not a valid answer to what was asked; the message says why. */
public final class MalformedPacketException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedPacketException(String message) {
        super(message);
    }
}
