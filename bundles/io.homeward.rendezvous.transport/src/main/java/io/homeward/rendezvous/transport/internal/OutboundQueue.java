package io.homeward.rendezvous.transport.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Length-prefixed messages waiting to be written to one connection, bounded in bytes so that a
 * client that stops reading cannot make the server hold an unbounded backlog.
 */
final class OutboundQueue {
    /** The largest message a two-octet length prefix can describe. */
    static final int MAX_MESSAGE = 0xffff;

    private final long maxBytes;
    private final ArrayDeque<ByteBuffer> frames = new ArrayDeque<>();
    private long bytes;

    OutboundQueue(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** False when the message would push the queue over its limit. */
    synchronized boolean offer(byte[] message) {
        if (bytes + message.length + 2 > maxBytes) {
            return false;
        }
        append(message);
        return true;
    }

    /**
     * True while one more message of any size fits: a series of messages is pulled only then, so it takes at
     * most the limit plus one message however long it is.
     */
    synchronized boolean wantsMore() {
        return bytes + MAX_MESSAGE + 2 <= maxBytes || frames.isEmpty();
    }

    /** Queues a message of a series, which {@link #wantsMore} already bounds. */
    synchronized void add(byte[] message) {
        append(message);
    }

    private void append(byte[] message) {
        ByteBuffer frame = ByteBuffer.allocate(message.length + 2);
        frame.putShort((short) message.length).put(message).flip();
        frames.addLast(frame);
        bytes += frame.capacity();
    }

    /** The frame to write next (possibly partly written already), or null. */
    synchronized ByteBuffer peek() {
        return frames.peekFirst();
    }

    /** Drops the head frame once it is completely written. */
    synchronized void removeHead() {
        ByteBuffer head = frames.pollFirst();
        if (head != null) {
            bytes -= head.capacity();
        }
    }

    synchronized boolean isEmpty() {
        return frames.isEmpty();
    }

    synchronized long bytes() {
        return bytes;
    }
}
