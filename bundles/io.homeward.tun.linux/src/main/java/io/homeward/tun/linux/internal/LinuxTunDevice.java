package io.homeward.tun.linux.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.homeward.api.tunnel.TunDevice;

/**
 * An open TUN interface. Each read() of the file returns exactly one packet and each write() takes exactly
 * one (drivers/net/tun.c), so one channel call is one packet. Reads go through a direct buffer big enough
 * for any packet the interface can carry, so a packet is never silently cut to fit the caller's buffer.
 */
final class LinuxTunDevice implements TunDevice {
    /** The largest packet a TUN file hands out: the interface MTU cannot exceed 65535. */
    static final int MAX_PACKET = 65_535;

    private final String name;
    private final int mtu;
    private final ReadableByteChannel in;
    private final WritableByteChannel out;
    private final Consumer<LinuxTunDevice> onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object reading = new Object();
    private final ByteBuffer inbound = ByteBuffer.allocateDirect(MAX_PACKET);

    LinuxTunDevice(String name, int mtu, TunChannels channels, Consumer<LinuxTunDevice> onClose) {
        this.name = name;
        this.mtu = mtu;
        this.in = channels.in();
        this.out = channels.out();
        this.onClose = onClose;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int mtu() {
        return mtu;
    }

    @Override
    public int read(ByteBuffer packet) throws IOException {
        synchronized (reading) {
            inbound.clear();
            int length = in.read(inbound);
            if (length < 0) {
                throw new AsynchronousCloseException();
            }
            if (length > packet.remaining()) {
                throw new IOException("a packet of " + length + " bytes arrived on " + name + " but the buffer has room"
                        + " for " + packet.remaining() + "; read into a buffer of at least the MTU (" + mtu + ")");
            }
            packet.put(inbound.flip());
            return length;
        }
    }

    @Override
    public void write(ByteBuffer packet) throws IOException {
        int length = packet.remaining();
        if (length == 0) {
            throw new IllegalArgumentException("an empty buffer is not a packet");
        }
        int written;
        try {
            written = out.write(packet);
        } catch (AsynchronousCloseException e) {
            throw e;
        } catch (IOException e) {
            if (closed.get()) {
                throw e;
            }
            // The kernel refuses what is not an IPv4 or IPv6 packet with EINVAL.
            throw new IOException(name + " refused a packet of " + length + " bytes: " + e.getMessage(), e);
        }
        if (written != length) {
            throw new IOException(name + " took " + written + " of a " + length + "-byte packet");
        }
    }

    boolean isOpen() {
        return !closed.get();
    }

    /** Closing the file removes the interface and its routes (the interface is not persistent). */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            in.close();
        } finally {
            try {
                out.close();
            } finally {
                onClose.accept(this);
            }
        }
    }

    @Override
    public String toString() {
        return "TUN " + name + " (MTU " + mtu + (isOpen() ? ")" : ", closed)");
    }
}
