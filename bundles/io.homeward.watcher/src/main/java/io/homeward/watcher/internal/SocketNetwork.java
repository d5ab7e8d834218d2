package io.homeward.watcher.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

import org.osgi.service.log.Logger;

/**
 * The real network: blocking sockets served by the component's I/O threads; every result and
 * every received message is handed to the logic thread. {@link #close()} closes every socket.
 */
final class SocketNetwork implements Network, Closeable {
    static final int QUERY_TIMEOUT_MILLIS = 2_000;
    static final int QUERY_ATTEMPTS = 3;
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final Scheduler logic;
    private final ExecutorService io;
    private final SecureRandom random;
    private final Logger log;
    private final OpenSockets sockets;

    SocketNetwork(Scheduler logic, ExecutorService io, SecureRandom random, Logger log) {
        this.logic = logic;
        this.io = io;
        this.random = random;
        this.log = log;
        this.sockets = new OpenSockets(log);
    }

    @Override
    public void query(InetSocketAddress server, byte[] query, Completion<byte[]> result) {
        if (server.isUnresolved()) {
            result.failed(new IOException("cannot resolve the DNS server " + server.getHostString()));
            return;
        }
        submit(() -> {
            DatagramSocket socket = null;
            try {
                socket = sockets.track(new DatagramSocket());
                socket.connect(server);
                socket.setSoTimeout(QUERY_TIMEOUT_MILLIS);
                byte[] response = exchange(socket, query);
                logic.execute(() -> result.succeeded(response));
            } catch (IOException e) {
                logic.execute(() -> result.failed(e));
            } finally {
                if (socket != null) {
                    sockets.close(socket);
                }
            }
        }, result);
    }

    /** Sends and resends the query; the first datagram with the query's ID is the answer. */
    private byte[] exchange(DatagramSocket socket, byte[] query) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[UdpLink.MAX_DATAGRAM], UdpLink.MAX_DATAGRAM);
        for (int attempt = 0; attempt < QUERY_ATTEMPTS; attempt++) {
            socket.send(new DatagramPacket(query, query.length));
            try {
                while (true) {
                    socket.receive(packet);
                    byte[] data = packet.getData();
                    if (packet.getLength() >= 12 && data[0] == query[0] && data[1] == query[1]) {
                        return Arrays.copyOf(data, packet.getLength());
                    }
                }
            } catch (SocketTimeoutException e) {
                log.debug("No answer from {} yet (attempt {})", socket.getRemoteSocketAddress(), attempt + 1);
            }
        }
        throw new IOException("no answer from " + socket.getRemoteSocketAddress() + " after " + QUERY_ATTEMPTS
                + " attempts");
    }

    @Override
    public Link openUdp(InetSocketAddress server, Link.Receiver receiver) throws IOException {
        if (server.isUnresolved()) {
            throw new IOException("cannot resolve the DNS server " + server.getHostString());
        }
        DatagramSocket socket = sockets.track(new DatagramSocket());
        socket.connect(server);
        UdpLink link = new UdpLink(socket, logic, sockets, log);
        submit(() -> link.readLoop(receiver), null);
        return link;
    }

    @Override
    public void openTls(InetSocketAddress server, String fingerprint, Link.Receiver receiver, Completion<Link> result) {
        submit(() -> {
            TlsLink link;
            try {
                link = new TlsLink(handshake(server, fingerprint), logic, sockets, log);
            } catch (IOException | GeneralSecurityException e) {
                Exception reason = mismatchIn(e);
                logic.execute(() -> result.failed(reason));
                return;
            }
            logic.execute(() -> result.succeeded(link));
            link.readLoop(receiver);
        }, result);
    }

    private SSLSocket handshake(InetSocketAddress server, String fingerprint)
            throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new PinningTrustManager(fingerprint, log)}, random);
        SSLSocket socket = sockets.track((SSLSocket) context.getSocketFactory().createSocket());
        try {
            socket.connect(server, CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            socket.startHandshake();
            socket.setSoTimeout(0);
            return socket;
        } catch (IOException e) {
            sockets.close(socket);
            throw e;
        }
    }

    /** The pin mismatch buried in a handshake failure, else the failure itself. */
    private static Exception mismatchIn(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof FingerprintMismatchException mismatch) {
                return mismatch;
            }
        }
        return failure;
    }

    private void submit(Runnable task, Completion<?> onRejected) {
        try {
            io.execute(task);
        } catch (RejectedExecutionException e) {
            if (onRejected != null) {
                logic.execute(() -> onRejected.failed(new IOException("the watcher is stopping", e)));
            }
        }
    }

    @Override
    public void close() {
        sockets.closeAll();
    }
}
