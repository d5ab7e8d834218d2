package io.homeward.signin.internal;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.homeward.api.auth.TsigKey;
import io.homeward.kit.enroll.InviteCode;
import io.homeward.kit.text.PasswordKeys;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

/**
 * A rendezvous for sign-in tests: an EST server and a DNS-over-TLS server sharing one TLS certificate, and the
 * sign-in managers of hosts that talk to it, on a clock and scheduler the test drives.
 */
final class TestRendezvous implements AutoCloseable {
    static final String ZONE = "alice.members.test.";
    static final String PASSWORD = "correct horse battery";
    static final TsigKey ALICE_KEY = PasswordKeys.derive(ZONE, PASSWORD.toCharArray());

    final MutableClock clock = new MutableClock(java.time.Instant.now());
    final ManualScheduler scheduler = new ManualScheduler(clock);
    final RecordingLogger log = new RecordingLogger();
    final RecordingPublisher publisher = new RecordingPublisher();
    final FakeEstServer est;
    final TestTlsDnsServer dns;

    TestRendezvous(String... hosts) throws Exception {
        est = new FakeEstServer(clock, Map.of(ZONE, ALICE_KEY.secret()));
        Map<String, TsigKey> keys = new java.util.HashMap<>(Map.of(ZONE, ALICE_KEY));
        for (String host : hosts) {
            TsigKey key = FakeEstServer.hostKey(host + ".alice.members.test");
            keys.put(key.name(), key);
        }
        dns = new TestTlsDnsServer(keys, est.tls(), est.fingerprint());
    }

    SignInManager manager(Path data, String hostName) {
        return new SignInManager(new CredentialsFile(data.resolve("signin")),
                new TlsKeyProver(Clock.systemUTC(), Duration.ofSeconds(5)),
                (service, zone, dnsServer) -> service.equals(SrvServerFinder.EST) ? est.address() : dns.address(),
                new Enroller(clock, Duration.ofSeconds(5)), publisher,
                new SignInSettings(new HostPort("127.0.0.1", 53), Optional.empty(), () -> hostName), scheduler, clock,
                log.logger());
    }

    SignInRequest request() {
        return SignInRequest.of(ZONE, "alice", dns.address().toString(), est.fingerprint());
    }

    /** A fresh invite the EST server knows, for {@code host} or (empty) the joining machine's own name. */
    InviteCode invite(Optional<String> host, byte[] secret) throws Exception {
        InviteCode code = new InviteCode(List.of(InetAddress.getLoopbackAddress()), 53, dns.address().port(),
                est.address().port(), 3478, HexFormat.of().parseHex(est.fingerprint().replace(":", "")), ZONE, host,
                secret);
        est.invite(code.id(), secret);
        return code;
    }

    @Override
    public void close() throws Exception {
        dns.close();
        est.close();
    }
}
