package io.homeward.resolver.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;

/** DNS over UDP on one address: one thread receives, answers go out from whichever thread has them. */
final class UdpServer implements Closeable {
    private final DatagramSocket socket;
    private final Thread receiver;
    private volatile boolean closed;

    private UdpServer(DatagramSocket socket, NameServer server) {
        this.socket = socket;
        this.receiver = new Thread(() -> receive(server), "homeward-names-udp");
        this.receiver.setDaemon(true);
    }

    /** @throws IOException when the address cannot be bound; nothing is left open then */
    static UdpServer bind(InetSocketAddress at, NameServer server) throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.bind(at);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        UdpServer udp = new UdpServer(socket, server);
        udp.receiver.start();
        return udp;
    }

    int port() {
        return socket.getLocalPort();
    }

    private void receive(NameServer server) {
        // One octet more than the largest query read, so that a longer datagram shows as too long.
        DatagramPacket packet = new DatagramPacket(new byte[NameServer.MAX_QUERY + 1], NameServer.MAX_QUERY + 1);
        while (!closed) {
            try {
                socket.receive(packet);
            } catch (IOException e) {
                Pause.afterFailure(closed);
                continue;
            }
            if (packet.getLength() > NameServer.MAX_QUERY) {
                continue;
            }
            SocketAddress client = packet.getSocketAddress();
            server.handle(Arrays.copyOf(packet.getData(), packet.getLength()), packet.getAddress(), false,
                    response -> send(response, client));
        }
    }

    private void send(byte[] response, SocketAddress client) {
        try {
            socket.send(new DatagramPacket(response, response.length, client));
        } catch (IOException e) {
            // The client is gone or the socket closed: a DNS client asks again.
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            receiver.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
