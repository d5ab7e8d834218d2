package io.homeward.watcher.internal.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.Arrays;

import org.osgi.service.log.Logger;

import io.homeward.kit.dns.UdpQuery;
import io.homeward.kit.schedule.Scheduler;

/** A UDP socket connected to one server: it only receives what that server sends (LLQ events). */
final class UdpLink implements Link {
    private final DatagramSocket socket;
    private final Scheduler logic;
    private final OpenSockets sockets;
    private final Logger log;
    private volatile boolean closed;

    UdpLink(DatagramSocket socket, Scheduler logic, OpenSockets sockets, Logger log) {
        this.socket = socket;
        this.logic = logic;
        this.sockets = sockets;
        this.log = log;
    }

    /** Runs on an I/O thread until the link closes. */
    void readLoop(Receiver receiver) {
        DatagramPacket packet = new DatagramPacket(new byte[UdpQuery.MAX_DATAGRAM], UdpQuery.MAX_DATAGRAM);
        while (!closed) {
            try {
                socket.receive(packet);
                byte[] message = Arrays.copyOf(packet.getData(), packet.getLength());
                logic.execute(() -> receiver.received(message));
            } catch (IOException e) {
                if (!closed) {
                    String reason = "UDP socket failed: " + e.getMessage();
                    close();
                    logic.execute(() -> receiver.closed(reason));
                }
            }
        }
    }

    @Override
    public void send(byte[] message) {
        try {
            socket.send(new DatagramPacket(message, message.length));
        } catch (IOException e) {
            log.info("Sending to {} failed: {}", socket.getRemoteSocketAddress(), e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        sockets.close(socket);
    }
}
