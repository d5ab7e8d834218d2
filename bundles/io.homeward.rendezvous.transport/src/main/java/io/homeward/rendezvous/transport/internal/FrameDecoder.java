package io.homeward.rendezvous.transport.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a DNS byte stream into messages: each is preceded by a two-octet length (RFC 1035 §4.2.2,
 * RFC 7766 §8). Holds at most one message of at most 65535 bytes, however the bytes arrive, and grows its
 * buffer with the bytes that did arrive, not with the length a client announced.
 */
final class FrameDecoder {
    /** A DNS message is at least its 12-byte header (RFC 1035 §4.1.1). */
    static final int MIN_MESSAGE = 12;
    /** Room taken when a message starts; doubled as its bytes arrive. Most queries fit. */
    static final int INITIAL_BUFFER = 512;

    private final Consumer<byte[]> sink;
    private int prefix;
    private int prefixBytes;
    private int length;
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
                if (filled == message.length) {
                    message = Arrays.copyOf(message, Math.min(length, message.length * 2));
                }
                int n = Math.min(data.remaining(), message.length - filled);
                data.get(message, filled, n);
                filled += n;
                if (filled == length) {
                    byte[] complete = message;
                    message = null;
                    sink.accept(complete);
                }
            }
        }
    }

    /** True while part of a message, or of its length, has arrived. */
    boolean inMessage() {
        return message != null || prefixBytes > 0;
    }

    /** Bytes held for the message being received. */
    int buffered() {
        return message == null ? 0 : message.length;
    }

    private void startMessage() throws MalformedStreamException {
        length = prefix;
        prefix = 0;
        prefixBytes = 0;
        if (length < MIN_MESSAGE) {
            throw new MalformedStreamException("length prefix " + length + " is shorter than a DNS header");
        }
        message = new byte[Math.min(length, INITIAL_BUFFER)];
        filled = 0;
    }
}
