package io.homeward.portmap.pcp.internal;

/** A datagram that is not a valid answer to what was asked; the message says why. */
final class MalformedPacketException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedPacketException(String message) {
        super(message);
    }
}
