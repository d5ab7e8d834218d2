package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.osgi.service.log.Logger;

import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;

/**
 * Accepts DNS stream connections on one port and serves all of them from a single selector thread,
 * so a slow or hostile client costs a bounded amount of memory and never a thread.
 */
final class StreamListener implements AutoCloseable {
    /** Shared by all connections of this selector; the TLS wire keeps its own buffers. */
    private static final int READ_BUFFER = 16 * 1024;

    private final DnsTransport transport;
    private final StreamSettings settings;
    private final Function<ByteBuffer, Wire> wires;
    private final ConnectionLimits limits;
    private final RejectLog rejects;
    private final RequestDispatcher dispatcher;
    private final Consumer<DnsResponder> closedListener;
    private final Clock clock;
    private final Logger log;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread thread;
    private final int port;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER);
    private final Set<StreamConnection> connections = new HashSet<>();
    private final ConcurrentLinkedQueue<StreamConnection> todo = new ConcurrentLinkedQueue<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile int open;
    private volatile boolean running = true;

    StreamListener(DnsTransport transport, InetSocketAddress bind, StreamSettings settings, Function<ByteBuffer, Wire> wires,
            ConnectionLimits limits, RejectLog rejects, RequestDispatcher dispatcher, Consumer<DnsResponder> closedListener,
            Clock clock, Logger log) throws IOException {
        this.transport = transport;
        this.settings = settings;
        this.wires = wires;
        this.limits = limits;
        this.rejects = rejects;
        this.dispatcher = dispatcher;
        this.closedListener = closedListener;
        this.clock = clock;
        this.log = log;
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(bind, settings.backlog());
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            server.close();
            selector.close();
            throw new IOException("cannot listen for DNS over " + transport + " on " + bind.getHostString() + " port "
                    + bind.getPort() + ": " + e.getMessage(), e);
        }
        this.port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        this.thread = new Thread(this::run, "homeward-dns-" + transport.name().toLowerCase() + "-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return port;
    }

    int openConnections() {
        return open;
    }

    /** Connections this listener closed at once because of the per-client, per-network or total limits. */
    long refusedCount() {
        return refused.get();
    }

    DnsTransport transport() {
        return transport;
    }

    long maxQueuedBytes() {
        return settings.maxQueuedBytes();
    }

    /** Asks the selector thread to look at the connection soon. Any thread. */
    void schedule(StreamConnection connection) {
        if (connection.markScheduled()) {
            todo.add(connection);
            selector.wakeup();
        }
    }

    boolean dispatch(byte[] message, StreamConnection connection, Runnable done) {
        return dispatcher.dispatch(message, connection, done);
    }

    void closeFailed(InetSocketAddress client, IOException e) {
        log.debug("{} port {}: closing the connection from {} failed: {}", transport, port, client, e.getMessage());
    }

    void seriesFailed(InetSocketAddress client, RuntimeException e) {
        log.error("{} port {}: producing the responses to {} failed; the connection is closed", transport, port,
                client, e);
    }

    /** Called by a connection once it is closed, on the selector thread. */
    void closed(StreamConnection connection, String reason) {
        if (connections.remove(connection)) {
            connection.slot().release();
            open = connections.size();
        }
        log.debug("{} port {}: closed the connection from {}: {}", transport, port, connection.client(), reason);
        try {
            closedListener.accept(connection);
        } catch (RuntimeException e) {
            log.error("a DNS connection listener failed for {}", connection.client(), e);
        }
    }

    private void run() {
        long sweepMillis = Math.max(50,
                Math.min(1000, Math.min(settings.idleTimeoutMillis(), settings.messageDeadlineMillis()) / 4));
        long lastSweep = clock.millis();
        try {
            while (running) {
                selector.select(sweepMillis);
                long now = clock.millis();
                handleSelected(now);
                for (StreamConnection c = todo.poll(); c != null; c = todo.poll()) {
                    c.onScheduled(now);
                }
                if (now - lastSweep >= sweepMillis) {
                    lastSweep = now;
                    for (StreamConnection c : new ArrayList<>(connections)) {
                        c.closeIfOverdue(now, settings.idleTimeoutMillis());
                    }
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                log.error("{} port {}: the selector failed; this listener stops", transport, port, e);
            }
        } finally {
            closeAll();
        }
    }

    private void handleSelected(long now) {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            if (!key.isValid()) {
                continue;
            }
            if (key.isAcceptable()) {
                acceptAll(now);
                continue;
            }
            StreamConnection connection = (StreamConnection) key.attachment();
            if (key.isReadable()) {
                connection.onReadable(now);
            }
            if (key.isValid() && key.isWritable()) {
                connection.onWritable(now);
            }
        }
    }

    private void acceptAll(long now) {
        for (;;) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                log.warn("{} port {}: accept failed: {}", transport, port, e.getMessage());
                return;
            }
            if (channel == null) {
                return;
            }
            accept(channel, now);
        }
    }

    private void accept(SocketChannel channel, long now) {
        InetSocketAddress client;
        try {
            client = (InetSocketAddress) channel.getRemoteAddress();
        } catch (IOException e) {
            closeQuietly(channel);
            return;
        }
        Optional<ConnectionLimits.Slot> slot = limits.tryAcquire(client.getAddress());
        if (slot.isEmpty()) {
            refused.incrementAndGet();
            rejects.rejected(client.getAddress(), transport + " port " + port, "too many connections (at most "
                    + settings.maxPerClient() + " per client, " + settings.maxPerNetwork() + " per network, "
                    + settings.maxUnauthenticated() + " unauthenticated and " + settings.maxTotal() + " in total)");
            closeQuietly(channel);
            return;
        }
        StreamConnection connection = new StreamConnection(this, channel, client, wires.apply(readBuffer), slot.get(),
                settings.maxQueuedBytes(), settings.messageDeadlineMillis(), now);
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            connection.register(channel.register(selector, SelectionKey.OP_READ, connection));
        } catch (IOException e) {
            slot.get().release();
            closeQuietly(channel);
            return;
        }
        if (!slot.get().attach(connection)) {
            connection.closeNow("evicted before it was served");
            return;
        }
        connections.add(connection);
        open = connections.size();
    }

    private void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("{} port {}: closing a refused connection failed: {}", transport, port, e.getMessage());
        }
    }

    private void closeAll() {
        List<StreamConnection> all = new ArrayList<>(connections);
        for (StreamConnection c : all) {
            c.closeNow("the listener is stopping");
        }
        try {
            server.close();
            selector.close();
        } catch (IOException e) {
            log.warn("{} port {}: closing the listener failed: {}", transport, port, e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
