package io.homeward.kerberos.internal.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.function.Predicate;

import io.homeward.kerberos.internal.net.KdcRequest.Transport;
import io.homeward.kerberos.internal.status.KdcCounters;
import io.homeward.kit.net.Endpoints;

/**
 * Kerberos over UDP on one address (RFC 4120 §7.2.1): one thread receives each datagram, asks the handler and sends
 * its answer from the same socket. An answer longer than the bound is replaced with the handler's RESPONSE_TOO_BIG
 * error, so the client retries over TCP.
 */
final class UdpFrontDoor implements AutoCloseable {
    private final DatagramSocket socket;
    private final FrontDoorSettings settings;
    private final KdcRequestHandler handler;
    private final Predicate<InetAddress> allowed;
    private final KdcCounters counters;
    private final FrontDoorLog log;
    private final Thread receiver;
    private volatile boolean closed;

    private UdpFrontDoor(DatagramSocket socket, FrontDoorSettings settings, KdcRequestHandler handler,
            Predicate<InetAddress> allowed, KdcCounters counters, FrontDoorLog log) {
        this.socket = socket;
        this.settings = settings;
        this.handler = handler;
        this.allowed = allowed;
        this.counters = counters;
        this.log = log;
        this.receiver = new Thread(this::receive, "homeward-kdc-udp " + socket.getLocalSocketAddress());
        this.receiver.setDaemon(true);
    }

    /** @throws IOException when the address cannot be bound; nothing is left open then */
    static UdpFrontDoor bind(InetSocketAddress at, FrontDoorSettings settings, KdcRequestHandler handler,
            Predicate<InetAddress> allowed, KdcCounters counters, FrontDoorLog log) throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.bind(at);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        UdpFrontDoor udp = new UdpFrontDoor(socket, settings, handler, allowed, counters, log);
        udp.receiver.start();
        return udp;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void receive() {
        int longest = Math.min(settings.maxMessageBytes(), FrontDoorSettings.MAX_DATAGRAM);
        // One octet more than the longest request read, so that a longer datagram shows as too long.
        DatagramPacket packet = new DatagramPacket(new byte[longest + 1], longest + 1);
        while (!closed) {
            try {
                packet.setLength(longest + 1);
                socket.receive(packet);
            } catch (IOException e) {
                Sockets.pauseAfterFailure(closed);
                continue;
            }
            InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
            if (!allowed.test(client.getAddress())) {
                counters.refusedSource();
                log.refused(client.getAddress(), "UDP " + Endpoints.text(address()));
                continue;
            }
            if (packet.getLength() > longest) {
                counters.dropped();
                continue;
            }
            counters.udpRequest();
            answer(new KdcRequest(Arrays.copyOf(packet.getData(), packet.getLength()), client, Transport.UDP));
        }
    }

    private void answer(KdcRequest request) {
        byte[] reply;
        try {
            reply = handler.handle(request);
            if (reply.length > settings.maxUdpReplyBytes()) {
                reply = handler.responseTooBig(request);
            }
        } catch (Exception | StackOverflowError e) {
            counters.handlerFailure();
            log.handlerFailed(request.client(), "UDP", e);
            return;
        }
        if (reply.length == 0) {
            return;
        }
        if (reply.length > settings.maxUdpReplyBytes()) {
            counters.dropped();
            return;
        }
        try {
            socket.send(new DatagramPacket(reply, reply.length, request.client()));
        } catch (IOException e) {
            // The client is gone or the socket closed: a Kerberos client asks again (RFC 4120 §7.2.1).
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            receiver.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
