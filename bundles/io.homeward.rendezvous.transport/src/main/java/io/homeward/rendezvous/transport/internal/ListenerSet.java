package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.osgi.service.log.Logger;

import io.homeward.api.dns.DnsRequestHandler;
import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;
import io.homeward.api.rendezvous.ListenerState;

/**
 * The running UDP, TCP and TLS listeners with their shared worker pool. Starts all or none: a
 * failure part way closes what was already opened.
 */
final class ListenerSet implements AutoCloseable {
    /** RFC 7858 §3.1: TLS 1.2 or later; TLS 1.3 preferred. */
    private static final String[] TLS_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final Duration REJECT_LOG_INTERVAL = Duration.ofMinutes(1);
    /** With port 0, how many free UDP ports are tried before one is free for TCP too. */
    private static final int SHARED_PORT_ATTEMPTS = 16;

    private final RequestDispatcher dispatcher;
    private final RejectLog rejects;
    private final String fingerprint;
    private final InetAddress bindAddress;
    private UdpListener udp;
    private StreamListener tcp;
    private StreamListener tls;

    ListenerSet(ListenerSettings settings, DnsRequestHandler handler, TlsIdentity identity,
            Consumer<DnsResponder> closedListener, Clock clock, SecureRandom random, Logger log)
            throws IOException, GeneralSecurityException {
        this.fingerprint = identity.fingerprint();
        this.bindAddress = settings.bindAddress();
        this.dispatcher = new RequestDispatcher(handler, settings.workers(), settings.pendingRequests(), log);
        this.rejects = new RejectLog(clock, REJECT_LOG_INTERVAL, log);
        StreamSettings stream = settings.stream();
        ConnectionLimits limits = new ConnectionLimits(stream.maxPerClient(), stream.maxPerNetwork(), stream.maxTotal(),
                stream.maxUnauthenticated(), clock);
        SSLContext context = identity.serverContext(random);
        try {
            for (int attempt = 1; tcp == null; attempt++) {
                udp = new UdpListener(new InetSocketAddress(settings.bindAddress(), settings.port()), dispatcher, log);
                int tcpPort = settings.port() == 0 ? udp.port() : settings.port();
                try {
                    tcp = new StreamListener(DnsTransport.TCP, new InetSocketAddress(settings.bindAddress(), tcpPort),
                            stream, PlainWire::new, limits, rejects, dispatcher, closedListener, clock, log);
                } catch (IOException e) {
                    // Port 0: UDP's free number may be taken for TCP; both on another one then.
                    udp.close();
                    udp = null;
                    if (settings.port() != 0 || attempt == SHARED_PORT_ATTEMPTS) {
                        throw e;
                    }
                }
            }
            tls = new StreamListener(DnsTransport.TLS, new InetSocketAddress(settings.bindAddress(), settings.tlsPort()),
                    stream, buffer -> new TlsWire(serverEngine(context)), limits, rejects, dispatcher, closedListener,
                    clock, log);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    ListenerStatus status() {
        return new ListenerStatus(udp.port(), tcp.port(), tls.port(), tcp.openConnections(), tls.openConnections(),
                dispatcher.droppedCount(), rejects.rejectedCount(), fingerprint);
    }

    /** Each listener with its own connections, drops and refusals, for the operator views. */
    List<ListenerState> states() {
        return List.of(
                new ListenerState(DnsTransport.UDP, address(udp.port()), 0, dispatcher.droppedCount(DnsTransport.UDP), 0),
                new ListenerState(DnsTransport.TCP, address(tcp.port()), tcp.openConnections(),
                        dispatcher.droppedCount(DnsTransport.TCP), tcp.refusedCount()),
                new ListenerState(DnsTransport.TLS, address(tls.port()), tls.openConnections(),
                        dispatcher.droppedCount(DnsTransport.TLS), tls.refusedCount()));
    }

    private String address(int port) {
        String host = bindAddress.getHostAddress();
        return (bindAddress instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public void close() {
        if (tls != null) {
            tls.close();
        }
        if (tcp != null) {
            tcp.close();
        }
        if (udp != null) {
            udp.close();
        }
        dispatcher.close();
    }

    private static SSLEngine serverEngine(SSLContext context) {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(TLS_PROTOCOLS);
        return engine;
    }
}
