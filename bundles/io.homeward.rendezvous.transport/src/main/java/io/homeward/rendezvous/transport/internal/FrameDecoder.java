package io.homeward.rendezvous.transport.internal;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Splits a DNS byte stream into messages: each is preceded by a two-octet length (RFC 1035 §4.2.2,
 * RFC 7766 §8). Holds at most one message of at most 65535 bytes, however the bytes arrive.
 */
final class FrameDecoder {
    /** A DNS message is at least its 12-byte header (RFC 1035 §4.1.1). */
    static final int MIN_MESSAGE = 12;

    private final Consumer<byte[]> sink;
    private int prefix;
    private int prefixBytes;
    private byte[] message;
    private int filled;

    FrameDecoder(Consumer<byte[]> sink) {
        this.sink = sink;
    }

    /** Consumes all of the data, handing every completed message to the sink. */
    void feed(ByteBuffer data) throws MalformedStreamException {
        while (data.hasRemaining()) {
            if (message == null) {
                prefix = (prefix << 8) | (data.get() & 0xff);
                if (++prefixBytes == 2) {
                    startMessage();
                }
            } else {
                int n = Math.min(data.remaining(), message.length - filled);
                data.get(message, filled, n);
                filled += n;
                if (filled == message.length) {
                    byte[] complete = message;
                    message = null;
                    sink.accept(complete);
                }
            }
        }
    }

    private void startMessage() throws MalformedStreamException {
        int length = prefix;
        prefix = 0;
        prefixBytes = 0;
        if (length < MIN_MESSAGE) {
            throw new MalformedStreamException("length prefix " + length + " is shorter than a DNS header");
        }
        message = new byte[length];
        filled = 0;
    }
}
