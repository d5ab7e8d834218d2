package io.homeward.kerberos.internal.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

import io.homeward.kerberos.internal.net.KdcRequest.Transport;
import io.homeward.kerberos.internal.status.KdcCounters;
import io.homeward.kit.net.Endpoints;
import io.homeward.kit.net.TimedReads;

/**
 * Kerberos over TCP on one address (RFC 4120 §7.2.2): each message is preceded by its length in four octets, big
 * endian, whose high bit is reserved. A connection may carry several requests, one after the other; each must arrive
 * whole within the idle time after the connection opened or the previous answer, so a slow sender holds its slot for
 * little. Connections are served by the front door's shared executor, at most as many at once as the shared slots
 * allow; a connection beyond them is closed when accepted.
 */
final class TcpFrontDoor implements AutoCloseable {
    private static final int RESERVED_BIT = 0x8000_0000;

    private final ServerSocket listener;
    private final FrontDoorSettings settings;
    private final KdcRequestHandler handler;
    private final Predicate<InetAddress> allowed;
    private final KdcCounters counters;
    private final FrontDoorLog log;
    private final Semaphore slots;
    private final ExecutorService connections;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private TcpFrontDoor(ServerSocket listener, FrontDoorSettings settings, KdcRequestHandler handler,
            Predicate<InetAddress> allowed, KdcCounters counters, FrontDoorLog log, Semaphore slots,
            ExecutorService connections) {
        this.listener = listener;
        this.settings = settings;
        this.handler = handler;
        this.allowed = allowed;
        this.counters = counters;
        this.log = log;
        this.slots = slots;
        this.connections = connections;
        this.acceptor = new Thread(this::accept, "homeward-kdc-tcp " + listener.getLocalSocketAddress());
        this.acceptor.setDaemon(true);
    }

    /**
     * @param slots       the connections all TCP listeners of the front door may have open at once
     * @param connections where connections are served; owned by the caller
     * @throws IOException when the address cannot be bound; nothing is left open then
     */
    static TcpFrontDoor bind(InetSocketAddress at, FrontDoorSettings settings, KdcRequestHandler handler,
            Predicate<InetAddress> allowed, KdcCounters counters, FrontDoorLog log, Semaphore slots,
            ExecutorService connections) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(at, settings.maxConnections());
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        TcpFrontDoor tcp = new TcpFrontDoor(listener, settings, handler, allowed, counters, log, slots, connections);
        tcp.acceptor.start();
        return tcp;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                Sockets.pauseAfterFailure(closed);
                continue;
            }
            if (!allowed.test(socket.getInetAddress())) {
                counters.refusedSource();
                log.refused(socket.getInetAddress(), "TCP " + Endpoints.text(address()));
                Sockets.closeQuietly(socket);
            } else if (!slots.tryAcquire()) {
                counters.dropped();
                log.overLimit(socket.getInetAddress(), "TCP " + Endpoints.text(address()), settings.maxConnections());
                Sockets.closeQuietly(socket);
            } else {
                start(socket);
            }
        }
    }

    /** One open connection; its answer being written must be taken within the idle time, see {@link #closeStuck}. */
    private static final class Connection {
        final Socket socket;
        volatile boolean writing;
        volatile long writeDeadline;

        Connection(Socket socket) {
            this.socket = socket;
        }
    }

    private void start(Socket socket) {
        Connection connection = new Connection(socket);
        open.add(connection);
        try {
            connections.execute(() -> serve(connection));
        } catch (RejectedExecutionException e) {
            // The front door is closing.
            release(connection);
        }
    }

    private void serve(Connection connection) {
        Socket socket = connection.socket;
        InetSocketAddress client = (InetSocketAddress) socket.getRemoteSocketAddress();
        try {
            InputStream in = socket.getInputStream();
            while (!closed && exchange(connection, client, in)) {
                // The next request on the same connection (RFC 4120 §7.2.2 lets the client send several).
            }
        } catch (IOException e) {
            // Closed by the client, idle too long, or this front door closing: the connection ends either way.
        } finally {
            release(connection);
        }
    }

    /** Reads one request and answers it; false when the connection must end. */
    private boolean exchange(Connection connection, InetSocketAddress client, InputStream in) throws IOException {
        Socket socket = connection.socket;
        long deadline = System.nanoTime() + settings.idleTimeout().toNanos();
        byte[] prefix = new byte[4];
        if (!TimedReads.readFully(socket, in, prefix, deadline)) {
            return false;
        }
        int length = ByteBuffer.wrap(prefix).getInt();
        if ((length & RESERVED_BIT) != 0 || length > settings.maxMessageBytes()) {
            counters.dropped();
            byte[] tooLong;
            try {
                tooLong = handler.fieldTooLong(client);
            } catch (Exception | StackOverflowError e) {
                counters.handlerFailure();
                log.handlerFailed(client, "TCP", e);
                return false;
            }
            write(connection, tooLong);
            return false;
        }
        if (length == 0) {
            return false;
        }
        byte[] message = new byte[length];
        if (!TimedReads.readFully(socket, in, message, deadline)) {
            return false;
        }
        counters.tcpRequest();
        byte[] reply;
        try {
            reply = handler.handle(new KdcRequest(message, client, Transport.TCP));
        } catch (Exception | StackOverflowError e) {
            counters.handlerFailure();
            log.handlerFailed(client, "TCP", e);
            return false;
        }
        return write(connection, reply);
    }


    /**
     * Sends one length-prefixed answer; false (nothing sent) for an empty one: the connection ends. A blocking write
     * has no timeout of its own: {@link #closeStuck} ends one the client does not read within the idle time.
     */
    private boolean write(Connection connection, byte[] reply) throws IOException {
        if (reply.length == 0) {
            return false;
        }
        connection.writeDeadline = System.nanoTime() + settings.idleTimeout().toNanos();
        connection.writing = true;
        try {
            OutputStream out = connection.socket.getOutputStream();
            out.write(ByteBuffer.allocate(4 + reply.length).putInt(reply.length).put(reply).array());
            out.flush();
        } finally {
            connection.writing = false;
        }
        return true;
    }

    /** Closes the connections whose answer the client has not taken within the idle time (it stopped reading). */
    void closeStuck() {
        long now = System.nanoTime();
        for (Connection connection : open) {
            if (connection.writing && now - connection.writeDeadline > 0) {
                counters.dropped();
                release(connection);
            }
        }
    }

    private void release(Connection connection) {
        if (open.remove(connection)) {
            Sockets.closeQuietly(connection.socket);
            slots.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        Sockets.closeQuietly(listener);
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        open.forEach(this::release);
    }
}
