package io.homeward.itests.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/** DNS Push load: the names spread round-robin over a few TLS connections, each one DSO session. */
final class PushLoad implements SubscriptionLoad {
    /** SUBSCRIBEs in flight per connection. */
    private static final int WINDOW = 256;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final InetSocketAddress server;
    private final TSIG key;
    private final Name zone;
    private final int connectionCount;
    private final LatencyLog log;
    private final List<PushConnection> connections = new ArrayList<>();
    private final ScheduledExecutorService keepalives = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "push-keepalives");
        t.setDaemon(true);
        return t;
    });

    PushLoad(InetSocketAddress server, TSIG key, Name zone, int connectionCount, LatencyLog log) {
        this.server = server;
        this.key = key;
        this.zone = zone;
        this.connectionCount = connectionCount;
        this.log = log;
    }

    @Override
    public Opened open(List<Name> names, Duration timeout) throws IOException, GeneralSecurityException,
            InterruptedException {
        int perConnection = (names.size() + connectionCount - 1) / connectionCount;
        if (perConnection > PushConnection.MAX_SUBSCRIPTIONS) {
            throw new IllegalArgumentException(names.size() + " subscriptions need at least "
                    + (names.size() + PushConnection.MAX_SUBSCRIPTIONS - 1) / PushConnection.MAX_SUBSCRIPTIONS
                    + " connections (message IDs are 16 bits)");
        }
        SSLContext tls = trustingContext();
        for (int i = 0; i < connectionCount; i++) {
            SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
            socket.setTcpNoDelay(true);
            socket.connect(server, CONNECT_TIMEOUT_MILLIS);
            PushConnection connection = new PushConnection(socket, WINDOW, log);
            connections.add(connection);
            connection.bind(zone, key);
        }
        keepalives.scheduleWithFixedDelay(this::keepalive, 1, 1, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < names.size(); i++) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            // Subscription i goes to connection i % C with message ID i / C + 1.
            if (left <= 0 || !connections.get(i % connectionCount).subscribe(i / connectionCount + 1, names.get(i), left)) {
                break;
            }
        }
        while (System.nanoTime() < deadline && !connections.stream().allMatch(PushConnection::idle)) {
            Thread.sleep(50);
        }
        List<Name> held = heldNames(names);
        String why = connections.stream().map(PushConnection::firstFailure).filter(s -> !s.isEmpty()).findFirst()
                .orElse(held.size() < names.size() ? "not answered within " + timeout.toSeconds() + " s" : "");
        return new Opened(held, names.size() - held.size(), why);
    }

    /** The names whose SUBSCRIBE was answered NOERROR. */
    private List<Name> heldNames(List<Name> names) {
        List<Name> held = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            PushConnection connection = connections.get(i % connectionCount);
            if (connection.isHeld(i / connectionCount + 1)) {
                held.add(names.get(i));
            }
        }
        return held;
    }

    @Override
    public String carriers() {
        return connectionCount + " TLS connections";
    }

    private void keepalive() {
        for (PushConnection connection : connections) {
            try {
                connection.keepaliveIfDue();
            } catch (IOException e) {
                // The reader thread sees the closed connection and records why.
            }
        }
    }

    @Override
    public void close() {
        keepalives.shutdownNow();
        connections.forEach(PushConnection::close);
    }

    /** The server's certificate is self-signed and the connection stays on loopback: any certificate will do. */
    private static SSLContext trustingContext() throws GeneralSecurityException {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context;
    }
}
