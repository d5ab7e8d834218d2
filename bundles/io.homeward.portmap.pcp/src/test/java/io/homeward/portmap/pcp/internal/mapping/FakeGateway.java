package io.homeward.portmap.pcp.internal.mapping;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import io.homeward.portmap.pcp.internal.wire.Samples;

/**
 * A small PCP + NAT-PMP server on loopback, with knobs: which versions it speaks, its public address,
 * epoch (set it low to "reboot"), result codes, silence, and datagrams to send before each real answer.
 */
final class FakeGateway implements AutoCloseable {
    enum Speaks { BOTH, NAT_PMP_ONLY, PCP_ONLY }

    volatile Speaks speaks = Speaks.BOTH;
    volatile InetAddress external = Samples.address("11.0.0.2");
    volatile long epoch = 100;
    volatile int natPmpResult;
    volatile int pcpResult;
    volatile int portOffset;
    volatile boolean silent;
    final List<byte[]> requests = new CopyOnWriteArrayList<>();
    final Queue<byte[]> before = new ConcurrentLinkedQueue<>();

    private final DatagramSocket socket;
    private final Thread thread;

    FakeGateway() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "fake-gateway");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Requests with version byte and lifetime 0 (deletes) so far. */
    List<byte[]> deletes(int version) {
        return requests.stream().filter(r -> r[0] == version && r.length >= 12 && lifetime(r) == 0 && r.length != 2).toList();
    }

    List<byte[]> requestsOfVersion(int version) {
        return requests.stream().filter(r -> r[0] == version).toList();
    }

    private static long lifetime(byte[] request) {
        return request[0] == 2 ? ByteBuffer.wrap(request, 4, 4).getInt() & 0xFFFFFFFFL
                : ByteBuffer.wrap(request, 8, 4).getInt() & 0xFFFFFFFFL;
    }

    private void serve() {
        byte[] buffer = new byte[1500];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] request = Arrays.copyOf(packet.getData(), packet.getLength());
                requests.add(request);
                if (silent) {
                    continue;
                }
                byte[] extra;
                while ((extra = before.poll()) != null) {
                    socket.send(new DatagramPacket(extra, extra.length, packet.getSocketAddress()));
                }
                byte[] reply = answer(request);
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    private byte[] answer(byte[] request) {
        int opcode = request[1] & 0xFF;
        if (request[0] == 0) {
            if (speaks == Speaks.PCP_ONLY) {
                return ByteBuffer.allocate(24).put((byte) 2).put((byte) (0x80 | opcode)).put((byte) 0).put((byte) 1)
                        .putInt(0).putInt((int) epoch).array();
            }
            if (opcode == 0) {
                return ByteBuffer.allocate(12).put((byte) 0).put((byte) 0x80).putShort((short) natPmpResult)
                        .putInt((int) epoch).put(natPmpResult == 0 ? external.getAddress() : new byte[4]).array();
            }
            ByteBuffer in = ByteBuffer.wrap(request);
            int internal = in.getShort(4) & 0xFFFF;
            long lifetime = in.getInt(8) & 0xFFFFFFFFL;
            int externalPort = lifetime == 0 || natPmpResult != 0 ? 0 : internal + portOffset;
            return ByteBuffer.allocate(16).put((byte) 0).put((byte) (0x80 + opcode)).putShort((short) natPmpResult)
                    .putInt((int) epoch).putShort((short) internal).putShort((short) externalPort)
                    .putInt(natPmpResult == 0 ? (int) lifetime : 0).array();
        }
        if (speaks == Speaks.NAT_PMP_ONLY) {
            return ByteBuffer.allocate(8).put((byte) 0).put((byte) (0x80 + opcode)).putShort((short) 1).putInt((int) epoch)
                    .array();
        }
        ByteBuffer in = ByteBuffer.wrap(request);
        long lifetime = in.getInt(4) & 0xFFFFFFFFL;
        ByteBuffer out = ByteBuffer.allocate(60);
        out.put((byte) 2).put((byte) 0x81).put((byte) 0).put((byte) pcpResult).putInt(pcpResult == 0 ? (int) lifetime : 30)
                .putInt((int) epoch).put(new byte[12]);
        out.put(request, 24, 12).put(request[36]).put(new byte[3]);
        int internal = in.getShort(40) & 0xFFFF;
        out.putShort((short) internal).putShort((short) (lifetime == 0 ? 0 : internal + portOffset));
        out.put(new byte[10]).put((byte) 0xFF).put((byte) 0xFF).put(external.getAddress());
        return out.array();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2_000);
    }
}
