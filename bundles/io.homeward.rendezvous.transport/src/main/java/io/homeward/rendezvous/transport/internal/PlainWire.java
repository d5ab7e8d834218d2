package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** DNS over TCP (RFC 7766): the socket's bytes are the framed messages. */
final class PlainWire implements Wire {
    private final ByteBuffer readBuffer;

    /** @param readBuffer scratch space shared by every connection of one selector thread */
    PlainWire(ByteBuffer readBuffer) {
        this.readBuffer = readBuffer;
    }

    @Override
    public boolean read(SocketChannel channel, FrameDecoder decoder) throws IOException {
        readBuffer.clear();
        int n = channel.read(readBuffer);
        if (n < 0) {
            return false;
        }
        readBuffer.flip();
        decoder.feed(readBuffer);
        return true;
    }

    @Override
    public boolean holdsPartialInput() {
        return false;
    }

    @Override
    public boolean write(SocketChannel channel, OutboundQueue queue) throws IOException {
        for (ByteBuffer frame = queue.peek(); frame != null; frame = queue.peek()) {
            channel.write(frame);
            if (frame.hasRemaining()) {
                return false;
            }
            queue.removeHead();
        }
        return true;
    }

    @Override
    public void closeOutbound(SocketChannel channel) {
        // TCP's own FIN is the goodbye.
    }
}
