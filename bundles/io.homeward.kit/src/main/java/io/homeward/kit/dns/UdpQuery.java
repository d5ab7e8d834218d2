package io.homeward.kit.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;

import io.homeward.kit.net.Endpoints;

/** One DNS query over UDP on a blocking socket, sent again after each silent wait; the caller's thread blocks. */
public final class UdpQuery {
    /** The largest UDP payload. */
    public static final int MAX_DATAGRAM = 65_535;

    private final Duration wait;
    private final int attempts;

    /** @param wait how long to wait for an answer to each of {@code attempts} sends */
    public UdpQuery(Duration wait, int attempts) {
        this.wait = wait;
        this.attempts = attempts;
    }

    /** The first datagram from the server with the query's ID is the answer. */
    public byte[] exchange(InetSocketAddress server, byte[] query) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            return exchange(socket, server, query);
        }
    }

    /** The same on a socket the caller owns: closing it from another thread ends the wait. */
    public byte[] exchange(DatagramSocket socket, InetSocketAddress server, byte[] query) throws IOException {
        if (server.isUnresolved()) {
            throw new IOException("cannot resolve the DNS server " + server.getHostString());
        }
        socket.connect(server);
        socket.setSoTimeout((int) wait.toMillis());
        DatagramPacket packet = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
        for (int attempt = 0; attempt < attempts; attempt++) {
            socket.send(new DatagramPacket(query, query.length));
            try {
                while (true) {
                    socket.receive(packet);
                    byte[] data = packet.getData();
                    if (packet.getLength() >= 12 && data[0] == query[0] && data[1] == query[1]) {
                        return Arrays.copyOf(data, packet.getLength());
                    }
                }
            } catch (SocketTimeoutException silent) {
                continue;
            } catch (PortUnreachableException refused) {
                throw new IOException("nothing listens on " + Endpoints.text(server) + " (ICMP port unreachable)",
                        refused);
            }
        }
        throw new IOException("no answer from " + server.getHostString() + ":" + server.getPort() + " after "
                + attempts + (attempts == 1 ? " attempt" : " attempts"));
    }
}
