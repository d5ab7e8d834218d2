package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/** The byte layer under a DNS stream connection: plain TCP or TLS. Used only by the selector thread. */
interface Wire {

    /**
     * Reads what the socket has and feeds the application bytes to the decoder.
     *
     * @return false once the peer has closed its side
     */
    boolean read(SocketChannel channel, FrameDecoder decoder) throws IOException;

    /** True while bytes wait below the decoder for the rest of their unit (part of a TLS record). */
    boolean holdsPartialInput();

    /**
     * Writes as much of the queue as the socket accepts without blocking.
     *
     * @return true when nothing is left to write, false when the socket must become writable first
     */
    boolean write(SocketChannel channel, OutboundQueue queue) throws IOException;

    /** Best effort goodbye before the socket is closed (a TLS close_notify); never blocks. */
    void closeOutbound(SocketChannel channel);
}
