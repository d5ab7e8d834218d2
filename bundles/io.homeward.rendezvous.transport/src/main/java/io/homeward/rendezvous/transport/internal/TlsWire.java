package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;

/**
 * DNS over TLS (RFC 7858 §3.3): the framed messages travel inside TLS records. Drives a
 * non-blocking {@link SSLEngine}; handshake tasks run on the selector thread (one ECDSA signature).
 * All buffers are kept in fill mode between calls; they start small and grow to the engine's sizes only as
 * records need, so a connection that never completes its handshake costs little memory.
 */
final class TlsWire implements Wire {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    /** Enough for a ClientHello or a short query's record; doubled while a record does not fit. */
    private static final int INITIAL_BUFFER = 512;

    private final SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private ByteBuffer netOut;

    TlsWire(SSLEngine engine) {
        this.engine = engine;
        this.netIn = ByteBuffer.allocate(INITIAL_BUFFER);
        this.appIn = ByteBuffer.allocate(INITIAL_BUFFER);
        this.netOut = ByteBuffer.allocate(0);
    }

    @Override
    public boolean read(SocketChannel channel, FrameDecoder decoder) throws IOException {
        if (!netIn.hasRemaining()) {
            netIn = grown(netIn, engine.getSession().getPacketBufferSize());
        }
        int n = channel.read(netIn);
        unwrapAll(decoder);
        return n >= 0 && !engine.isInboundDone();
    }

    @Override
    public boolean holdsPartialInput() {
        return netIn.position() > 0;
    }

    @Override
    public boolean write(SocketChannel channel, OutboundQueue queue) throws IOException {
        for (;;) {
            if (!drain(channel)) {
                return false;
            }
            if (engine.isOutboundDone()) {
                return true;
            }
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else if (status == HandshakeStatus.NEED_WRAP) {
                if (!wrap(NOTHING)) {
                    return true;
                }
            } else if (status != HandshakeStatus.NOT_HANDSHAKING && status != HandshakeStatus.FINISHED) {
                // The client speaks next; queued messages wait for the handshake to finish.
                return true;
            } else {
                ByteBuffer frame = queue.peek();
                if (frame == null) {
                    return true;
                }
                if (!wrap(frame) && netOut.position() == 0) {
                    throw new IOException("the TLS engine accepted no application data");
                }
                if (!frame.hasRemaining()) {
                    queue.removeHead();
                }
            }
        }
    }

    @Override
    public void closeOutbound(SocketChannel channel) {
        engine.closeOutbound();
        try {
            wrap(NOTHING);
            drain(channel);
        } catch (IOException e) {
            // The connection is going away either way; close_notify is a courtesy (RFC 8446 §6.1).
        }
    }

    private void unwrapAll(FrameDecoder decoder) throws IOException {
        netIn.flip();
        try {
            boolean progress = true;
            while (progress) {
                HandshakeStatus status = engine.getHandshakeStatus();
                if (status == HandshakeStatus.NEED_TASK) {
                    runTasks();
                    continue;
                }
                if (status == HandshakeStatus.NEED_WRAP && wrap(NOTHING)) {
                    continue;
                }
                progress = netIn.hasRemaining() && unwrapOnce(decoder);
            }
        } finally {
            netIn.compact();
        }
    }

    /** One unwrap; true when it moved bytes or made room to move them. */
    private boolean unwrapOnce(FrameDecoder decoder) throws IOException {
        SSLEngineResult result = engine.unwrap(netIn, appIn);
        appIn.flip();
        try {
            decoder.feed(appIn);
        } finally {
            appIn.clear();
        }
        switch (result.getStatus()) {
            case OK:
                return result.bytesConsumed() > 0 || result.bytesProduced() > 0;
            case BUFFER_OVERFLOW:
                appIn = ByteBuffer.allocate(Math.max(engine.getSession().getApplicationBufferSize(), appIn.capacity() * 2));
                return true;
            case BUFFER_UNDERFLOW:
                // The rest of the record has not arrived; read() makes room once netIn is full.
                return false;
            default:
                return false;
        }
    }

    /** Wraps into netOut; true when it produced or consumed bytes, or made room to. */
    private boolean wrap(ByteBuffer source) throws IOException {
        SSLEngineResult result = engine.wrap(source, netOut);
        if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            if (netOut.position() > 0) {
                return false;
            }
            netOut = ByteBuffer.allocate(Math.max(engine.getSession().getPacketBufferSize(), netOut.capacity() * 2));
            return true;
        }
        return result.bytesConsumed() > 0 || result.bytesProduced() > 0;
    }

    /** A copy of a full buffer (fill mode) with twice the room, at most {@code limit} unless it holds more. */
    private static ByteBuffer grown(ByteBuffer full, int limit) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(full.capacity() + 1, Math.min(limit, full.capacity() * 2)));
        full.flip();
        bigger.put(full);
        return bigger;
    }

    private boolean drain(SocketChannel channel) throws IOException {
        if (netOut.position() == 0) {
            return true;
        }
        netOut.flip();
        try {
            channel.write(netOut);
            return !netOut.hasRemaining();
        } finally {
            netOut.compact();
        }
    }

    private void runTasks() {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }
}
