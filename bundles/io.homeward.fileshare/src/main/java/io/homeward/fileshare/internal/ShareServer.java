package io.homeward.fileshare.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.log.Logger;

/**
 * The share's HTTP listener: one accepting thread and at most {@code maxConnections} connection threads; a
 * connection beyond them is closed at once. Each connection has {@code timeout} for its request head and for every
 * read. {@link #close()} closes the listening socket and every open connection, and ends every thread.
 */
final class ShareServer implements AutoCloseable {
    private static final Duration ACCEPT_RETRY = Duration.ofMillis(100);

    private final ServerSocket listener;
    private final ShareHandler handler;
    private final Duration timeout;
    private final Logger log;
    private final ThreadPoolExecutor connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closing;

    private ShareServer(ServerSocket listener, ShareHandler handler, int maxConnections, Duration timeout,
            Logger log) {
        this.listener = listener;
        this.handler = handler;
        this.timeout = timeout;
        this.log = log;
        AtomicInteger number = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(0, maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                task -> new Thread(task, "homeward-fileshare-" + number.incrementAndGet()));
        this.acceptor = new Thread(this::acceptLoop, "homeward-fileshare-accept");
    }

    /** Binds {@code address} and starts accepting. */
    static ShareServer open(InetSocketAddress address, ShareHandler handler, int maxConnections, Duration timeout,
            Logger log) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(address);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        ShareServer server = new ShareServer(listener, handler, maxConnections, timeout, log);
        server.acceptor.start();
        return server;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (closing || listener.isClosed()) {
                    return;
                }
                // For example out of file descriptors: wait a little rather than spin, then go on.
                log.warn("The file share could not accept a connection on {}: {}", address(), e.getMessage());
                pause();
                continue;
            }
            open.add(socket);
            try {
                connections.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ACCEPT_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout((int) timeout.toMillis());
            BufferedOutputStream out = new BufferedOutputStream(socket.getOutputStream());
            handler.handle(new BufferedInputStream(socket.getInputStream()), out, socket.getInetAddress());
            out.flush();
        } catch (IOException e) {
            log.debug("A file share connection from {} ended: {}", socket.getInetAddress(), e.getMessage());
        } finally {
            open.remove(socket);
        }
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("Closing a file share connection: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("Closing the file share listener: {}", e.getMessage());
        }
        open.forEach(this::closeQuietly);
        connections.shutdownNow();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
            if (!connections.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("File share connection threads did not end within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
