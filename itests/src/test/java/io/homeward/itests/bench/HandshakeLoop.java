package io.homeward.itests.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.log.Logger;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.sa.SaSpec;
import io.homeward.ike.internal.crypto.Cookies;
import io.homeward.ike.internal.exchange.FirstChildPlacement.Placement;
import io.homeward.ike.internal.exchange.HalfOpenCounter;
import io.homeward.ike.internal.exchange.IkeContext;
import io.homeward.ike.internal.exchange.IkeEngine;
import io.homeward.ike.internal.exchange.IkeSaEvents;
import io.homeward.ike.internal.exchange.IkeSaStatus;
import io.homeward.ike.internal.exchange.IkeSettings;
import io.homeward.ike.internal.exchange.LocalHost;
import io.homeward.ike.internal.exchange.PeerCertificateCheck;
import io.homeward.kit.schedule.ExecutorScheduler;

/**
 * One initiator of the IKE load generator: Homeward's own IKE engine on a UDP socket of its own and one thread,
 * keeping {@code window} IKE SAs under way to one responder. Each starts with IKE_SA_INIT and ends once IKE_AUTH has
 * authenticated the responder (RFC 7296 §1.2); it is then counted and closed here without telling the responder,
 * and the next one starts. The engine knows no peers, so an IKE SA the responder might start with it gets no Child SA
 * (and its IKE_SA_INIT a COOKIE first: the cookie threshold is 0).
 */
final class HandshakeLoop implements IkeSaEvents, AutoCloseable {
    /** The non-ESP marker in front of IKE on the NAT-T port (RFC 3948 §2.2). */
    private static final int MARKER_LENGTH = 4;
    private static final int MAX_DATAGRAM = 65_535;
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** The responder: its FQDN (the IDr it must prove), its ULA (the Child SA's far end) and where IKE reaches it. */
    record Responder(String fqdn, Inet6Address ula, InetSocketAddress endpoint) {
    }

    private final Responder responder;
    private final int window;
    private final DatagramSocket socket;
    private final ExecutorScheduler thread;
    private final IkeEngine engine;
    private final Thread receiver;
    /** The SPIs of the IKE SAs under way; the engine's thread only. */
    private final Set<Long> underWay = new HashSet<>();
    private final AtomicLong withChild = new AtomicLong();
    private final AtomicLong withoutChild = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String algorithms = "";
    private volatile String lastFailure = "";

    HandshakeLoop(int index, LocalHost self, PeerCertificateCheck check, CryptoSuite suite, Responder responder,
            int window, Logger log) throws IOException {
        this.responder = responder;
        this.window = window;
        this.socket = new DatagramSocket(0);
        this.thread = new ExecutorScheduler("ike-load-" + index, log);
        SecureRandom random = new SecureRandom();
        IkeSettings settings = IkeSettings.of(List.of(suite), new InetSocketAddress(socket.getLocalPort()));
        this.engine = new IkeEngine(new IkeContext(settings, self, check, fqdn -> Optional.empty(),
                new DiscardingSaDatabase(random), this::send, thread, random, log, new Cookies(random),
                new HalfOpenCounter(0, 0, 1), this, (sa, peer) -> Placement.ONLY, Clock.systemUTC()));
        this.receiver = new Thread(this::receive, "ike-load-receiver-" + index);
        receiver.setDaemon(true);
    }

    /** Starts the first {@code window} IKE SAs; each one done starts the next. */
    void start() {
        receiver.start();
        thread.execute(() -> {
            for (int i = 0; i < window; i++) {
                next();
            }
        });
    }

    /** The handshakes completed with a Child SA, completed without one, and failed, so far. */
    Counts counts() {
        return new Counts(withChild.get(), withoutChild.get(), failed.get());
    }

    String algorithms() {
        return algorithms;
    }

    String lastFailure() {
        return lastFailure;
    }

    @Override
    public void childInstalled(IkeSaStatus sa, SaSpec child) {
        done(sa, withChild);
    }

    @Override
    public void noChild(IkeSaStatus sa, String reason) {
        done(sa, withoutChild);
    }

    @Override
    public void closed(IkeSaStatus sa, String reason) {
        if (underWay.remove(sa.localSpi())) {
            failed.incrementAndGet();
            lastFailure = reason;
            thread.execute(this::next);
        }
    }

    @Override
    public void childRemoved(IkeSaStatus sa, SaSpec child) {
        // The generator keeps no pair: nothing to remove.
    }

    @Override
    public void ikeRekeyed(IkeSaStatus old, IkeSaStatus replacement) {
        // Counted SAs are closed long before their rekey time.
    }

    @Override
    public void deletedByPeer(IkeSaStatus sa, String how) {
        // Counted SAs are closed here at once; a DELETE or INITIAL_CONTACT for one changes nothing.
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        if (!thread.shutdown(STOP_WAIT)) {
            thread.stopNow();
        }
    }

    private void next() {
        underWay.add(engine.initiate(responder.fqdn(), responder.ula(), responder.endpoint()));
    }

    /** Established (the responder authenticated): counted, closed here, and the next one started. */
    private void done(IkeSaStatus sa, AtomicLong counter) {
        long spi = sa.localSpi();
        if (underWay.remove(spi)) {
            counter.incrementAndGet();
            algorithms = sa.algorithms();
            thread.execute(() -> {
                engine.close(spi, "handshake counted");
                next();
            });
        }
    }

    private void send(byte[] message, InetSocketAddress to) throws IOException {
        byte[] datagram = new byte[MARKER_LENGTH + message.length];
        System.arraycopy(message, 0, datagram, MARKER_LENGTH, message.length);
        socket.send(new DatagramPacket(datagram, datagram.length, to));
    }

    /** IKE messages behind the marker go to the engine's thread; keepalives and anything else are dropped. */
    private void receive() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                continue;
            }
            int length = packet.getLength();
            if (length > MARKER_LENGTH && buffer[0] == 0 && buffer[1] == 0 && buffer[2] == 0 && buffer[3] == 0) {
                byte[] message = Arrays.copyOfRange(buffer, MARKER_LENGTH, length);
                InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
                thread.execute(() -> engine.received(message, 0, message.length, from));
            }
        }
    }

    /** Handshakes by outcome. */
    record Counts(long withChild, long withoutChild, long failed) {
        Counts plus(Counts other) {
            return new Counts(withChild + other.withChild, withoutChild + other.withoutChild, failed + other.failed);
        }

        Counts minus(Counts other) {
            return new Counts(withChild - other.withChild, withoutChild - other.withoutChild, failed - other.failed);
        }

        long established() {
            return withChild + withoutChild;
        }
    }
}
