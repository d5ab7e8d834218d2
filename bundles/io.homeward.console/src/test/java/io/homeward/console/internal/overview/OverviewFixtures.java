package io.homeward.console.internal.overview;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.util.promise.Promise;

import io.homeward.api.endpoint.EndpointSource;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.keying.KeyingListener;
import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.keying.TunnelKeying;
import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerDirectory;
import io.homeward.api.registration.HostRecordSet;
import io.homeward.api.registration.RecordRegistrar;
import io.homeward.api.registration.Registration;
import io.homeward.testkit.TestHostIdentity;

/** A signed-in host and its peers as the overview's tests see them, at a fixed time. */
public final class OverviewFixtures {
    public static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final PublicEndpoint MAPPED = new PublicEndpoint(new InetSocketAddress("203.0.113.7", 4500), EndpointSource.MAPPING);

    private OverviewFixtures() {
    }

    /** Signed in as alice, published for another 20 minutes, certificate valid 20 days, peers reach it at {@code endpoint}. */
    static OverviewFacts signedIn(PublicEndpoint endpoint, List<OverviewFacts.Machine> machines) {
        return new OverviewFacts(NOW, Optional.of(new OverviewFacts.Host("desk", "fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c")),
                Optional.of(new OverviewFacts.SignedIn("alice", "alice.members.example.")), Optional.of(endpoint),
                Optional.of(registration(NOW.plusSeconds(1200))),
                Optional.of(new OverviewFacts.Certificate(NOW.plus(Duration.ofDays(20)), false)), machines,
                "0.0.0.0", Optional.empty(), true, List.of());
    }

    static Registration registration(Instant until) {
        HostRecordSet set = new HostRecordSet("alice.members.example.", "desk",
                TestHostIdentity.example("eth0", "desk").eui64(), TestHostIdentity.example("eth0", "desk").ula(),
                (java.net.Inet4Address) new InetSocketAddress("203.0.113.7", 0).getAddress(), 4500, Map.of());
        return new Registration(set, until, "127.0.0.1:8053");
    }

    public static Peer laptop() {
        return new Peer("laptop", TestHostIdentity.ula("fd3c:9a51:e27d:b44::2"),
                Optional.of(new InetSocketAddress("198.51.100.9", 61000)), NOW.minusSeconds(300), "dns-push");
    }

    public static KeyingStatus laptopUp() {
        return new KeyingStatus(laptop().ula(), "laptop", KeyingState.UP, NOW.minusSeconds(90),
                laptop().endpoint(), Optional.of(Duration.ofMillis(23)), true, "",
                Optional.of(NOW.plus(Duration.ofDays(365))));
    }

    public static PeerDirectory directory(Peer... peers) {
        return new PeerDirectory() {
            @Override
            public List<Peer> peers() {
                return List.of(peers);
            }

            @Override
            public Optional<Peer> peer(java.net.Inet6Address ula) {
                return List.of(peers).stream().filter(p -> p.ula().equals(ula)).findFirst();
            }
        };
    }

    static RecordRegistrar registrar(Optional<Registration> current) {
        return new RecordRegistrar() {
            @Override
            public Registration publish(HostRecordSet records, Duration lease) {
                throw new UnsupportedOperationException("the overview only reads");
            }

            @Override
            public void withdraw() {
                throw new UnsupportedOperationException("the overview only reads");
            }

            @Override
            public Optional<Registration> current() {
                return current;
            }
        };
    }

    /** A key exchange that reports {@code statuses} and is never asked to act. */
    static TunnelKeying keying(KeyingStatus... statuses) {
        return new TunnelKeying() {
            @Override
            public Promise<KeyingStatus> key(java.net.Inet6Address peer) {
                throw new UnsupportedOperationException("the overview only reads");
            }

            @Override
            public boolean close(java.net.Inet6Address peer, String reason) {
                throw new UnsupportedOperationException("the overview only reads");
            }

            @Override
            public Promise<Duration> probe(java.net.Inet6Address peer) {
                throw new UnsupportedOperationException("the overview only reads");
            }

            @Override
            public List<KeyingStatus> status() {
                return List.of(statuses);
            }

            @Override
            public void addKeyingListener(KeyingListener listener) {
                throw new UnsupportedOperationException("the overview only reads");
            }

            @Override
            public void removeKeyingListener(KeyingListener listener) {
                throw new UnsupportedOperationException("the overview only reads");
            }
        };
    }
}
