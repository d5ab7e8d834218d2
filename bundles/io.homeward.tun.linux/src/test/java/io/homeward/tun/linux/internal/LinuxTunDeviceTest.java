package io.homeward.tun.linux.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Pipe;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The device over pipes: what the TUN file would hand out arrives on one pipe, what is written goes to the other. */
class LinuxTunDeviceTest {
    private final Pipe inbound = open();
    private final Pipe outbound = open();
    private final List<LinuxTunDevice> closed = new ArrayList<>();
    private final LinuxTunDevice device = new LinuxTunDevice("homeward0", 1400,
            new TunChannels(inbound.source(), outbound.sink()), closed::add);

    @AfterEach
    void closePipes() throws IOException {
        device.close();
        inbound.sink().close();
        outbound.source().close();
    }

    @Test
    void readPutsOnePacketIntoTheCallersHeapBuffer() throws Exception {
        byte[] packet = packet(100);
        inbound.sink().write(ByteBuffer.wrap(packet));
        ByteBuffer buffer = ByteBuffer.allocate(1400);
        buffer.position(4);
        assertEquals(100, device.read(buffer));
        assertEquals(104, buffer.position());
        assertArrayEquals(packet, Arrays.copyOfRange(buffer.array(), 4, 104));
    }

    @Test
    void aPacketLargerThanTheBufferIsAnErrorNotATruncation() throws Exception {
        inbound.sink().write(ByteBuffer.wrap(packet(200)));
        IOException tooBig = assertThrows(IOException.class, () -> device.read(ByteBuffer.allocate(100)));
        assertEquals("a packet of 200 bytes arrived on homeward0 but the buffer has room for 100; read into a buffer of"
                + " at least the MTU (1400)", tooBig.getMessage());
    }

    @Test
    void writeSendsThePacketFromPositionToLimit() throws Exception {
        byte[] packet = packet(60);
        ByteBuffer buffer = ByteBuffer.allocate(80);
        buffer.position(10).put(packet).flip().position(10);
        device.write(buffer);
        assertFalse(buffer.hasRemaining());
        ByteBuffer sent = ByteBuffer.allocate(100);
        assertEquals(60, outbound.source().read(sent));
        assertArrayEquals(packet, Arrays.copyOf(sent.array(), 60));
    }

    @Test
    void anEmptyBufferIsNotAPacket() {
        assertThrows(IllegalArgumentException.class, () -> device.write(ByteBuffer.allocate(0)));
    }

    @Test
    void aRefusedPacketNamesTheInterfaceAndSize() {
        WritableByteChannel refusing = new Refusing(new IOException("Invalid argument"), 0);
        LinuxTunDevice tun = new LinuxTunDevice("homeward1", 1400, new TunChannels(inbound.source(), refusing), d -> { });
        IOException refused = assertThrows(IOException.class, () -> tun.write(ByteBuffer.wrap(packet(40))));
        assertEquals("homeward1 refused a packet of 40 bytes: Invalid argument", refused.getMessage());
    }

    @Test
    void aPartlyWrittenPacketIsAnError() {
        LinuxTunDevice tun = new LinuxTunDevice("homeward1", 1400,
                new TunChannels(inbound.source(), new Refusing(null, 10)), d -> { });
        IOException partial = assertThrows(IOException.class, () -> tun.write(ByteBuffer.wrap(packet(40))));
        assertEquals("homeward1 took 10 of a 40-byte packet", partial.getMessage());
    }

    @Test
    void closeClosesBothDirectionsAndTellsTheProviderOnce() throws Exception {
        device.close();
        device.close();
        assertFalse(inbound.source().isOpen());
        assertFalse(outbound.sink().isOpen());
        assertEquals(List.of(device), closed);
        assertFalse(device.isOpen());
        assertThrows(ClosedChannelException.class, () -> device.read(ByteBuffer.allocate(1400)));
        assertThrows(ClosedChannelException.class, () -> device.write(ByteBuffer.wrap(packet(40))));
    }

    @Test
    void describesItself() throws Exception {
        assertEquals("homeward0", device.name());
        assertEquals(1400, device.mtu());
        assertTrue(device.toString().contains("homeward0"));
    }

    private static byte[] packet(int length) {
        byte[] p = new byte[length];
        p[0] = 0x60;
        for (int i = 1; i < length; i++) {
            p[i] = (byte) i;
        }
        return p;
    }

    private static Pipe open() {
        try {
            return Pipe.open();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A channel that fails with the given error, or takes only so many bytes. */
    private static final class Refusing implements WritableByteChannel {
        private final IOException failure;
        private final int takes;

        Refusing(IOException failure, int takes) {
            this.failure = failure;
            this.takes = takes;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (failure != null) {
                throw failure;
            }
            src.position(src.position() + takes);
            return takes;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
