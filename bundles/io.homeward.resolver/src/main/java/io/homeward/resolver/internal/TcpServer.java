package io.homeward.resolver.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.homeward.kit.dns.DnsOverTls;
import io.homeward.kit.net.TimedReads;

/**
 * DNS over TCP (RFC 7766) on one address: at most {@code maxConnections} at once (more are closed at once), one
 * thread each; every message must arrive whole within the idle time after the previous answer, or the connection
 * closes (RFC 7766 §6.2.3), so a client sending slowly holds nothing for long.
 */
final class TcpServer implements Closeable {
    private final ServerSocket listener;
    private final NameServer server;
    private final Semaphore slots;
    private final Duration idle;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService connections;
    private final Thread acceptor;
    private volatile boolean closed;

    private TcpServer(ServerSocket listener, NameServer server, int maxConnections, Duration idle) {
        this.listener = listener;
        this.server = server;
        this.slots = new Semaphore(maxConnections);
        this.idle = idle;
        AtomicInteger count = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "homeward-names-tcp-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::accept, "homeward-names-tcp-accept");
        this.acceptor.setDaemon(true);
    }

    /** @throws IOException when the address cannot be bound; nothing is left open then */
    static TcpServer bind(InetSocketAddress at, NameServer server, int maxConnections, Duration idle)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(at, maxConnections);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        TcpServer tcp = new TcpServer(listener, server, maxConnections, idle);
        tcp.acceptor.start();
        return tcp;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                Pause.afterFailure(closed);
                continue;
            }
            if (!slots.tryAcquire()) {
                closeQuietly(socket);
                continue;
            }
            open.add(socket);
            connections.execute(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] message;
            while (!closed && (message = readMessage(socket, in)) != null) {
                server.handle(message, socket.getInetAddress(), true, response -> write(out, response));
            }
        } catch (IOException e) {
            // Closed by the client, idle too long, or this server stopping: the connection ends either way.
        } finally {
            open.remove(socket);
            slots.release();
        }
    }

    /** One length-prefixed message, all of it before the deadline; null at a clean end or one too large. */
    private byte[] readMessage(Socket socket, InputStream in) throws IOException {
        long deadline = System.nanoTime() + idle.toNanos();
        byte[] prefix = new byte[2];
        if (!TimedReads.readFully(socket, in, prefix, deadline)) {
            return null;
        }
        int length = ((prefix[0] & 0xFF) << 8) | (prefix[1] & 0xFF);
        if (length == 0 || length > NameServer.MAX_QUERY) {
            return null;
        }
        byte[] message = new byte[length];
        return TimedReads.readFully(socket, in, message, deadline) ? message : null;
    }


    /** Answers may come from a forwarding thread while the connection reads the next query. */
    private static void write(OutputStream out, byte[] response) {
        synchronized (out) {
            try {
                DnsOverTls.write(out, response);
            } catch (IOException e) {
                // The client closed the connection; its reader sees that too.
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket nobody used: nothing more to do.
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // Closing releases the port whatever the outcome.
        }
        open.forEach(TcpServer::closeQuietly);
        connections.shutdownNow();
        try {
            acceptor.join(2000);
            connections.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
