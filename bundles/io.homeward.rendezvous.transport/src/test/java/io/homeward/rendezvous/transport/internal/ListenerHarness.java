package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.homeward.api.dns.DnsRequestHandler;
import io.homeward.api.dns.DnsResponder;
import io.homeward.testkit.RecordingLogger;

/** Starts a {@link ListenerSet} on free loopback ports with a self-signed identity in a temporary directory. */
final class ListenerHarness implements AutoCloseable {
    final RecordingLogger log = new RecordingLogger();
    final List<DnsResponder> closed = new CopyOnWriteArrayList<>();
    final TlsIdentity identity;
    final ListenerSet listeners;

    ListenerHarness(Path data, DnsRequestHandler handler, StreamSettings stream) throws Exception {
        SecureRandom random = new SecureRandom();
        identity = TlsIdentityStore.selfSigned(data.resolve("tls"), "ns.test.example", Clock.systemUTC(), random, log.logger());
        listeners = new ListenerSet(new ListenerSettings(InetAddress.getLoopbackAddress(), 0, 0, stream, 2, 64), handler,
                identity, closed::add, Clock.systemUTC(), random, log.logger());
    }

    static StreamSettings stream(int perClient, long idleMillis, long maxQueued) {
        return new StreamSettings(perClient, 1024, idleMillis, maxQueued, 16);
    }

    static DnsRequestHandler echo() {
        return (message, responder) -> responder.send(message);
    }

    ListenerStatus status() {
        return listeners.status();
    }

    /** A TCP connection to the listener that gives up reading after 10 s. */
    Socket tcpClient() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), status().tcpPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** True when the server has closed the connection: the client reads end of stream or a reset. */
    static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketException reset) {
            return true;
        }
    }

    @Override
    public void close() {
        listeners.close();
    }
}
