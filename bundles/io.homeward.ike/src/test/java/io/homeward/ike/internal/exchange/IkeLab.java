package io.homeward.ike.internal.exchange;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import io.homeward.api.sa.SaSpec;
import io.homeward.ike.internal.crypto.Cookies;
import io.homeward.ike.internal.crypto.Suites;
import io.homeward.ike.internal.wire.IkeFormatException;
import io.homeward.ike.internal.wire.IkeMessage;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.TestRevocations;

/**
 * Two of alice's hosts with certificates from one test account CA, their IKE engines on one manual clock, and an
 * in-memory network between them that a test can make lose, repeat or forge datagrams.
 */
final class IkeLab {
    static final String USER = "alice";
    static final String ZONE = USER + "." + TestPki.DOMAIN + ".";

    final MutableClock clock = new MutableClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final TestPki pki = new TestPki("Homeward account CA for " + TestPki.DOMAIN, clock.instant());
    final TestRevocations revocations = new TestRevocations();
    final SecureRandom random = new SecureRandom();
    /** Every datagram sent, lost or not, in order. */
    final List<Packet> sent = new ArrayList<>();
    final Node laptop = new Node("laptop", "fd00::1", "192.0.2.10");
    final Node home = new Node("home", "fd00::2", "198.51.100.20");
    Predicate<Packet> lose = packet -> false;
    private final Deque<Packet> inFlight = new ArrayDeque<>();

    record Packet(byte[] data, InetSocketAddress from, InetSocketAddress to) {

        IkeMessage message() {
            try {
                return IkeMessage.decode(data, 0, data.length);
            } catch (IkeFormatException e) {
                throw new AssertionError(e);
            }
        }
    }

    final class Node {
        final String fqdn;
        final Inet6Address ula;
        /** Where the node sends from and receives at; {@link #moveTo} changes it, as a new network does. */
        InetSocketAddress endpoint;
        final KeyPair keys = TestPki.p256();
        final RecordingSaDatabase database = new RecordingSaDatabase();
        final RecordingLogger log = new RecordingLogger();
        /** The Child SAs the engine told of, and the reasons its SAs have none or closed, in order. */
        final List<SaSpec> childrenTold = new ArrayList<>();
        final List<String> closedTold = new ArrayList<>();
        /** The Child SAs the engine told were removed, and the IKE SAs it told were rekeyed, in order. */
        final List<SaSpec> removedTold = new ArrayList<>();
        final List<IkeSaStatus> rekeyedTold = new ArrayList<>();
        X509Certificate certificate;
        IkeSettings settings;
        HalfOpenCounter halfOpen = new HalfOpenCounter(30, 3, 1000);
        IkeEngine engine;
        /** How often the node started: what an engine of an earlier start sends is lost, as after a crash. */
        private int starts;

        Node(String host, String ula, String address) {
            this.fqdn = host + "." + USER + "." + TestPki.DOMAIN;
            this.ula = ula(ula);
            this.endpoint = new InetSocketAddress(address(address), 4500);
            this.certificate = pki.host(keys, host, USER, clock.instant());
            this.settings = IkeSettings.of(List.of(Suites.AES_GCM, Suites.CHACHA20), endpoint);
        }

        Node with(UnaryOperator<IkeSettings> change) {
            settings = change.apply(settings);
            return this;
        }

        /**
         * A new engine (the first, or after a crash of the one before, which then sends nothing more and is told of
         * nothing: its peer is not told either).
         */
        void start() {
            int start = ++starts;
            Map<String, Inet6Address> peers = new HashMap<>();
            peers.put(laptop.fqdn, laptop.ula);
            peers.put(home.fqdn, home.ula);
            engine = new IkeEngine(new IkeContext(settings, new LocalHost(fqdn, ula, List.of(certificate, pki.ca),
                    keys.getPrivate()), new PeerCertificateCheck(pki.ca, ZONE, revocations, clock),
                    fqdn -> Optional.ofNullable(peers.get(fqdn)), database, (message, to) -> {
                        if (start != starts) {
                            return;
                        }
                        Packet packet = new Packet(message.clone(), endpoint, to);
                        sent.add(packet);
                        inFlight.add(packet);
                    }, scheduler, random, log.logger(), new Cookies(random), halfOpen, new IkeSaEvents() {
                        @Override
                        public void childInstalled(IkeSaStatus sa, SaSpec child) {
                            childrenTold.add(child);
                        }

                        @Override
                        public void childRemoved(IkeSaStatus sa, SaSpec child) {
                            removedTold.add(child);
                        }

                        @Override
                        public void ikeRekeyed(IkeSaStatus old, IkeSaStatus replacement) {
                            rekeyedTold.add(old);
                        }

                        @Override
                        public void noChild(IkeSaStatus sa, String reason) {
                            closedTold.add("no child: " + reason);
                        }

                        @Override
                        public void closed(IkeSaStatus sa, String reason) {
                            closedTold.add(reason);
                        }

                        @Override
                        public void deletedByPeer(IkeSaStatus sa, String how) {
                            closedTold.add(how.equals("deleted its IKE SA") ? "deleted by the peer" : "the peer " + how);
                        }
                    }, (sa, peer) -> FirstChildPlacement.Placement.ONLY, clock));
        }

        List<IkeSaStatus> status() {
            return engine.status();
        }

        /** The node is on another network now: what it sends comes from there, what goes to its old endpoint is lost. */
        void moveTo(String address, int port) {
            endpoint = new InetSocketAddress(address(address), port);
        }
    }

    /** Starts both engines and the laptop's IKE SA to home. */
    long initiate() {
        laptop.start();
        home.start();
        return laptop.engine.initiate(home.fqdn, home.ula, home.endpoint);
    }

    /** Delivers what is in flight, and what that makes the engines send, until nothing is left. */
    void run() {
        while (!inFlight.isEmpty()) {
            deliver(inFlight.poll());
        }
    }

    /** Delivers only the next datagram in flight. */
    Packet step() {
        Packet packet = inFlight.poll();
        deliver(packet);
        return packet;
    }

    void deliver(Packet packet) {
        Optional<Node> to = Stream.of(laptop, home).filter(node -> node.endpoint.equals(packet.to())).findFirst();
        if (!lose.test(packet) && to.isPresent()) {
            to.get().engine.received(packet.data(), 0, packet.data().length, packet.from());
        }
    }

    int inFlight() {
        return inFlight.size();
    }

    private static Inet6Address ula(String text) {
        return (Inet6Address) address(text);
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
