package io.homeward.rendezvous.enroll.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.osgi.service.log.Logger;

import io.homeward.kit.schedule.Scheduler;
import io.homeward.kit.schedule.Scheduler.Scheduled;

/**
 * A small HTTP/1.1-over-TLS server answering one request per connection.
 *
 * <p>Blocking sockets on a bounded pool rather than NIO with an {@code SSLEngine}: every exchange is one small
 * request (at most 24 KiB) and one small answer, enrollments are rare, and a blocking {@code SSLSocket} keeps the
 * TLS handshake and client-certificate handling in the JDK instead of a hand-written engine loop. What a blocking
 * design would let a slow client do is bounded instead: a connection gets {@link HttpLimits#deadline()} from its
 * acceptance to have sent its whole request (progress does not extend it), after which a timer closes its TCP socket
 * under the TLS layer; at most {@link HttpLimits#maxConnections()} connections are open at once and later ones are
 * closed on arrival; {@link HttpLimits#workers()} threads serve them.
 */
final class EstServer implements AutoCloseable {
    private static final int BACKLOG = 64;
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /** The application: answers a request read whole, from this address, with this TLS client certificate. */
    interface Handler {
        HttpResponse handle(HttpRequest request, InetAddress from, Optional<X509Certificate> client);
    }

    /** An accepted connection and whether its deadline closed it. */
    private static final class Connection {
        final Socket socket;
        volatile boolean expired;
        Scheduled deadline;

        Connection(Socket socket) {
            this.socket = socket;
        }
    }

    private final ServerSocket listener;
    private final SSLSocketFactory tls;
    private final Handler handler;
    private final HttpLimits limits;
    private final Scheduler timers;
    private final RefusalLog refusals;
    private final Logger log;
    private final Semaphore slots;
    private final ThreadPoolExecutor workers;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    EstServer(InetSocketAddress bind, SSLContext context, Handler handler, HttpLimits limits, Scheduler timers,
            RefusalLog refusals, Logger log) throws IOException {
        this.tls = context.getSocketFactory();
        this.handler = handler;
        this.limits = limits;
        this.timers = timers;
        this.refusals = refusals;
        this.log = log;
        this.slots = new Semaphore(limits.maxConnections());
        this.listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(bind, BACKLOG);
        } catch (IOException e) {
            listener.close();
            throw new IOException("cannot listen on " + bind + ": " + e.getMessage(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(limits.maxConnections()), task -> {
                    Thread thread = new Thread(task, "homeward-est-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.acceptor = new Thread(this::acceptLoop, "homeward-est-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    InetAddress address() {
        return listener.getInetAddress();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("closing the enrollment listener: {}", e.getMessage());
        }
        workers.shutdownNow();
        open.forEach(this::closeSocket);
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(2));
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("enrollment server cannot accept connections: {}", e.getMessage());
                    pause();
                }
                continue;
            }
            Connection connection = new Connection(socket);
            if (!slots.tryAcquire()) {
                refusals.refused(socket.getInetAddress(), "a connection", 503,
                        limits.maxConnections() + " connections are open already");
                closeSocket(connection);
                continue;
            }
            open.add(connection);
            connection.deadline = timers.schedule(() -> expire(connection), limits.deadline());
            try {
                workers.execute(() -> serve(connection));
            } catch (RejectedExecutionException e) {
                release(connection);
            }
        }
    }

    /** After an accept failure (such as too many open files), so the loop does not spin. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(Connection connection) {
        Socket plain = connection.socket;
        InetAddress from = plain.getInetAddress();
        try {
            plain.setSoTimeout((int) limits.deadline().toMillis());
            try (SSLSocket socket = (SSLSocket) tls.createSocket(plain, null, plain.getPort(), true)) {
                socket.setUseClientMode(false);
                socket.setWantClientAuth(true);
                socket.setEnabledProtocols(PROTOCOLS);
                socket.startHandshake();
                HttpResponse response;
                try {
                    HttpRequest request = HttpRequestReader.read(socket.getInputStream(), limits);
                    response = answer(request, from, clientCertificate(socket));
                } catch (HttpException e) {
                    refusals.refused(from, "a request", e.status(), e.getMessage());
                    response = HttpResponse.error(e.status(), e.getMessage());
                }
                response.write(socket.getOutputStream());
            }
        } catch (IOException e) {
            if (connection.expired) {
                refusals.refused(from, "a connection", 408, "no whole request within " + limits.deadline().toSeconds()
                        + " s; closed");
            } else if (!closed) {
                refusals.failed(from, "a TLS connection", String.valueOf(e.getMessage()));
            }
        } finally {
            release(connection);
        }
    }

    private HttpResponse answer(HttpRequest request, InetAddress from, Optional<X509Certificate> client) {
        try {
            return handler.handle(request, from, client);
        } catch (RuntimeException e) {
            log.error("enrollment server failed on {} {} from {}", request.method(), request.path(),
                    from.getHostAddress(), e);
            return HttpResponse.error(500, "the rendezvous failed on this request; its log says why");
        }
    }

    private static Optional<X509Certificate> clientCertificate(SSLSocket socket) {
        try {
            Certificate[] chain = socket.getSession().getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? Optional.of(x509) : Optional.empty();
        } catch (SSLPeerUnverifiedException e) {
            return Optional.empty();
        }
    }

    private void expire(Connection connection) {
        connection.expired = true;
        closeSocket(connection);
    }

    private void release(Connection connection) {
        if (open.remove(connection)) {
            connection.deadline.cancel();
            slots.release();
        }
        closeSocket(connection);
    }

    private void closeSocket(Connection connection) {
        try {
            connection.socket.close();
        } catch (IOException e) {
            log.debug("closing an enrollment connection: {}", e.getMessage());
        }
    }
}
