package io.homeward.ike.internal;

import java.lang.reflect.InvocationTargetException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

import org.osgi.framework.Constants;
import org.osgi.util.promise.Promise;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.peers.Peer;
import io.homeward.api.tunnel.DatagramKind;
import io.homeward.api.tunnel.ReflexiveEndpointListener;
import io.homeward.api.tunnel.TunnelDatagramHandler;
import io.homeward.api.tunnel.TunnelPort;
import io.homeward.ike.internal.crypto.Suites;
import io.homeward.ike.internal.exchange.Lifetimes;
import io.homeward.ike.internal.exchange.RecordingSaDatabase;
import io.homeward.ike.internal.exchange.TestPki;
import io.homeward.testkit.TestRevocations;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.MutableHostIdentity;
import io.homeward.testkit.RecordingLogger;

/**
 * Two of alice's hosts, each an {@link IkeComponent} on a fake tunnel port, wired back to back on one manual clock:
 * what one port sends reaches the other's IKE handler the way the real port's demultiplexer hands it on (the
 * non-ESP marker checked and stripped, the buffer reused afterwards). Home has the lower ULA.
 */
final class KeyingLab {
    static final String USER = "alice";
    static final String ZONE = USER + "." + TestPki.DOMAIN + ".";
    private static final Duration WAIT = Duration.ofSeconds(5);
    static final KeyingSettings WITHOUT_DPD = new KeyingSettings(30, 3, 1000, Duration.ofSeconds(30),
            Duration.ofMinutes(5), Duration.ZERO, Lifetimes.DEFAULTS);

    final MutableClock clock = new MutableClock();
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final TestPki pki = new TestPki("Homeward account CA for " + TestPki.DOMAIN, clock.instant());
    final TestRevocations revocations = new TestRevocations();
    final Host home = new Host("home", "fd00::1", "198.51.100.20");
    final Host laptop = new Host("laptop", "fd00::2", "192.0.2.10");
    /** Datagrams sent by either port without the non-ESP marker; none is expected. */
    final List<byte[]> unmarked = new ArrayList<>();
    private final Map<InetSocketAddress, Host> hosts = Map.of(home.endpoint, home, laptop.endpoint, laptop);
    /** While holding, what the ports send waits in {@link #held} until {@link #release()}. */
    private boolean holding;
    /** What the wire loses, checked for every datagram (marker included) and its sender as it is delivered. */
    BiPredicate<Host, byte[]> lose = (from, datagram) -> false;
    private final List<Runnable> held = new ArrayList<>();

    /** Signed in with a host certificate, as enrollment leaves a host. */
    record HostCredentials(String userName, String zone, List<X509Certificate> certificateChain, PrivateKey key)
            implements Credentials {

        @Override
        public TsigKey tsigKey() {
            return new TsigKey(zone, "hmac-sha256.", new byte[32]);
        }

        @Override
        public Optional<PrivateKey> privateKey() {
            return Optional.of(key);
        }
    }

    final class Host {
        final String name;
        final Inet6Address ula;
        final InetSocketAddress endpoint;
        final KeyPair keys = TestPki.p256();
        final X509Certificate certificate;
        /** The SA database of the running host; a crash loses it ({@link #restart}). */
        RecordingSaDatabase database = new RecordingSaDatabase();
        final RecordingLogger log = new RecordingLogger();
        FakePort port = new FakePort();
        /** The peers this host has an {@code io.homeward.tunnel.manualsa} configuration for. */
        final Set<String> keyedByHand = new HashSet<>();
        KeyingSettings settings = KeyingSettings.DEFAULTS;
        /** The host's identity; its name starts as {@link #name}, which its certificate always names. */
        final MutableHostIdentity identity;
        IkeComponent component;
        /** Datagrams this host's port sent. */
        int sent;
        /** Behind a NAT that filters by address and port: only what answers a flow this host opened gets in. */
        boolean filtersUnsolicited;
        private final Set<InetSocketAddress> sentTo = new HashSet<>();

        Host(String name, String ula, String address) {
            this.name = name;
            this.ula = (Inet6Address) address(ula);
            this.identity = new MutableHostIdentity(this.ula, name);
            this.endpoint = new InetSocketAddress(address(address), 4500);
            this.certificate = pki.host(keys, name, USER, clock.instant());
        }

        /** Active, with both suites, not yet signed in. */
        Host start() {
            component = new IkeComponent(log.logger(), port, database, identity, revocations,
                    peer -> keyedByHand.contains(peer.hostName()), settings, scheduler, clock, new SecureRandom());
            component.bindSuite(Suites.AES_GCM, Map.of(Constants.SERVICE_RANKING, 200));
            component.bindSuite(Suites.CHACHA20, Map.of(Constants.SERVICE_RANKING, 100));
            return this;
        }

        /**
         * The host crashes (kill -9, a power cut) and starts again with the same certificate, ULA and endpoint, telling
         * no one: the component that ran is dropped without deactivation, its port unplugged (what it would still send
         * is lost) and its SA database gone. The new one lists the other host and signs in.
         */
        Host restart(Host other) {
            port.unplugged = true;
            port = new FakePort();
            database = new RecordingSaDatabase();
            start();
            lists(other);
            return signIn();
        }

        /** The identity's configuration changes its host name in place, as a join or a rename does. */
        void renamed(String newName) {
            identity.rename(newName);
            component.identityRenamed(identity);
        }

        Credentials credentials() {
            return new HostCredentials(USER, ZONE, List.of(certificate, pki.ca), keys.getPrivate());
        }

        Host signIn() {
            component.bindCredentials(credentials());
            return this;
        }

        Peer asPeer() {
            return new Peer(name, ula, Optional.of(endpoint), clock.instant(), "dns-push");
        }

        void lists(Host other) {
            component.peerChanged(Optional.empty(), Optional.of(other.asPeer()));
        }

        /** Asks this host's IKE for an SA pair with the other ({@code TunnelKeying.key}). */
        Promise<KeyingStatus> key(Host other) {
            return component.key(other.ula);
        }

        void drops(Host other) {
            component.peerChanged(Optional.of(other.asPeer()), Optional.empty());
        }

        String report() {
            return component.report().text();
        }

        /** The tunnel port of this host: one IKE handler, datagrams onto the lab's wire. */
        final class FakePort implements TunnelPort {
            TunnelDatagramHandler ike;
            /** The component using this port crashed: nothing it sends leaves the host. */
            boolean unplugged;

            @Override
            public int localPort() {
                return 4500;
            }

            @Override
            public void send(byte[] payload, int offset, int length, InetSocketAddress to) {
                if (unplugged) {
                    return;
                }
                sent++;
                sentTo.add(to);
                byte[] buffer = Arrays.copyOfRange(payload, offset, offset + length);
                if (length < 4 || buffer[0] != 0 || buffer[1] != 0 || buffer[2] != 0 || buffer[3] != 0) {
                    unmarked.add(buffer);
                    return;
                }
                if (holding) {
                    held.add(() -> deliver(buffer, to));
                } else {
                    deliver(buffer, to);
                }
            }

            private void deliver(byte[] buffer, InetSocketAddress to) {
                if (lose.test(Host.this, buffer)) {
                    return;
                }
                Host peer = hosts.get(to);
                if (peer != null && peer.filtersUnsolicited && !peer.sentTo.contains(endpoint)) {
                    return;
                }
                if (peer != null && peer.port.ike != null) {
                    peer.port.ike.received(buffer, 4, buffer.length - 4, endpoint);
                }
                Arrays.fill(buffer, (byte) 0x5a);
            }

            @Override
            public Optional<InetSocketAddress> reflexiveEndpoint() {
                return Optional.of(endpoint);
            }

            @Override
            public Registration register(DatagramKind kind, TunnelDatagramHandler handler) {
                if (kind != DatagramKind.IKE) {
                    throw new IllegalArgumentException("IKE registers for IKE only, not " + kind);
                }
                ike = handler;
                return () -> {
                    if (ike == handler) {
                        ike = null;
                    }
                };
            }

            @Override
            public void addReflexiveEndpointListener(ReflexiveEndpointListener listener) {
                throw new UnsupportedOperationException("IKE learns this host's endpoint from PublicEndpoints, not from the tunnel port");
            }

            @Override
            public void removeReflexiveEndpointListener(ReflexiveEndpointListener listener) {
                throw new UnsupportedOperationException("IKE learns this host's endpoint from PublicEndpoints, not from the tunnel port");
            }
        }
    }

    /**
     * Both hosts active, each listing the other, then signed in: home last, so that the laptop knows home when home
     * initiates (else the laptop refuses the Child SA of a host it does not list, and home tries again later).
     */
    void bothListEachOther() {
        home.start();
        laptop.start().signIn();
        laptop.lists(home);
        home.lists(laptop);
        home.signIn();
    }

    /** Both list each other and home keys the laptop; the SA pair is up on both. */
    void bothKeyed() {
        bothListEachOther();
        KeyingStatus keyed = value(home.key(laptop));
        if (keyed.state() != KeyingState.UP) {
            throw new AssertionError("home did not key the laptop: " + keyed);
        }
    }

    /** The promise's value, waited for a little: its callbacks run on the promise library's own thread. */
    static <T> T value(Promise<T> promise) {
        try {
            return promise.timeout(WAIT.toMillis()).getValue();
        } catch (InvocationTargetException e) {
            throw new AssertionError("the promise failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Why the promise failed, waited for a little; an assertion error if it did not. */
    static String failure(Promise<?> promise) {
        try {
            Throwable failure = promise.timeout(WAIT.toMillis()).getFailure();
            if (failure == null) {
                throw new AssertionError("the promise did not fail: " + promise.getValue());
            }
            return failure.getMessage();
        } catch (InvocationTargetException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** From now on datagrams wait on the wire, so that both hosts can start an exchange before either arrives. */
    void hold() {
        holding = true;
    }

    /**
     * Delivers what waits in rounds, each round what the round before sent, in order, until nothing is left; then
     * datagrams go at once again. Two exchanges started together thus run side by side, message for message.
     */
    void release() {
        while (!held.isEmpty()) {
            List<Runnable> round = List.copyOf(held);
            held.clear();
            round.forEach(Runnable::run);
        }
        holding = false;
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
