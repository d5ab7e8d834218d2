package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Arrays;

import org.osgi.service.log.Logger;

/** Receives DNS datagrams on one socket and hands each to the dispatcher (RFC 1035 §4.2.1). */
final class UdpListener implements AutoCloseable {
    private static final int MAX_DATAGRAM = 65535;

    private final DatagramChannel channel;
    private final RequestDispatcher dispatcher;
    private final Logger log;
    private final Thread receiver;
    private final int port;

    UdpListener(InetSocketAddress bind, RequestDispatcher dispatcher, Logger log) throws IOException {
        this.dispatcher = dispatcher;
        this.log = log;
        this.channel = DatagramChannel.open();
        try {
            channel.bind(bind);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen for DNS over UDP on " + bind.getHostString() + " port "
                    + bind.getPort() + ": " + e.getMessage(), e);
        }
        this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        this.receiver = new Thread(this::receive, "homeward-dns-udp-" + port);
        receiver.setDaemon(true);
        receiver.start();
    }

    int port() {
        return port;
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                if (from != null) {
                    byte[] message = Arrays.copyOf(buffer.array(), buffer.position());
                    dispatcher.dispatch(message, new UdpResponder(channel, from), () -> { });
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.warn("UDP port {}: receive failed, continuing: {}", port, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("UDP port {}: closing the socket failed: {}", port, e.getMessage());
        }
        try {
            receiver.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
