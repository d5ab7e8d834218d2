package io.homeward.watcher.internal.net;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import javax.net.ssl.SSLSocket;

import org.osgi.service.log.Logger;
import org.osgi.util.promise.Deferred;
import org.osgi.util.promise.Promise;
import org.osgi.util.promise.PromiseFactory;

import io.homeward.kit.dns.DnsOverTls;
import io.homeward.kit.dns.PinnedTrust;
import io.homeward.kit.dns.UdpQuery;
import io.homeward.kit.schedule.Scheduler;

/**
 * The real network: blocking sockets served by the component's I/O threads; every result and
 * every received message is handed to the logic thread. {@link #close()} closes every socket.
 */
public final class SocketNetwork implements Network, Closeable {
    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(2);
    static final int QUERY_ATTEMPTS = 3;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final Scheduler logic;
    private final PromiseFactory promises;
    private final ExecutorService io;
    private final Logger log;
    private final OpenSockets sockets;
    private final UdpQuery udp = new UdpQuery(QUERY_TIMEOUT, QUERY_ATTEMPTS);

    public SocketNetwork(Scheduler logic, ExecutorService io, Logger log) {
        this.logic = logic;
        this.promises = new PromiseFactory(logic::execute);
        this.io = io;
        this.log = log;
        this.sockets = new OpenSockets(log);
    }

    @Override
    public PromiseFactory promises() {
        return promises;
    }

    @Override
    public Promise<byte[]> query(InetSocketAddress server, byte[] query) {
        Deferred<byte[]> result = promises.deferred();
        submit(() -> {
            DatagramSocket socket = null;
            try {
                socket = sockets.track(new DatagramSocket());
                result.resolve(udp.exchange(socket, server, query));
            } catch (IOException e) {
                result.fail(e);
            } finally {
                if (socket != null) {
                    sockets.close(socket);
                }
            }
        }, result);
        return result.getPromise();
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
    public Promise<Link> openTls(InetSocketAddress server, String fingerprint, Link.Receiver receiver) {
        Deferred<Link> result = promises.deferred();
        submit(() -> {
            TlsLink link;
            try {
                link = new TlsLink(handshake(server, new PinnedTrust(fingerprint)), logic, sockets, log);
            } catch (IOException e) {
                result.fail(e);
                return;
            }
            result.resolve(link);
            link.readLoop(receiver);
        }, result);
        return result.getPromise();
    }

    private SSLSocket handshake(InetSocketAddress server, PinnedTrust trust) throws IOException {
        SSLSocket socket = sockets.track(DnsOverTls.socket(trust));
        try {
            DnsOverTls.handshake(socket, server, trust, CONNECT_TIMEOUT);
            socket.setSoTimeout(0);
            trust.warnIfUnpinned(log);
            return socket;
        } catch (IOException e) {
            sockets.close(socket);
            throw e;
        }
    }

    private void submit(Runnable task, Deferred<?> onRejected) {
        try {
            io.execute(task);
        } catch (RejectedExecutionException e) {
            if (onRejected != null) {
                onRejected.fail(new IOException("the watcher is stopping", e));
            }
        }
    }

    @Override
    public void close() {
        sockets.closeAll();
    }
}
