package io.homeward.registrar.internal;

import static io.homeward.api.endpoint.EndpointSource.CONFIGURED;
import static io.homeward.api.endpoint.EndpointSource.LOCAL;
import static io.homeward.api.endpoint.EndpointSource.MAPPING;
import static io.homeward.api.endpoint.EndpointSource.STUN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.auth.Credentials;
import io.homeward.api.auth.TsigKey;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.registration.HostRecordSet;
import io.homeward.api.registration.Registration;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class RegistrationEngineTest {
    private static final Inet4Address OWN = (Inet4Address) TestInputs.address("192.0.2.10");
    private static final Credentials ALICE = TestInputs.credentials(TestInputs.ZONE, TestInputs.KEY);

    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakeSender sender = new FakeSender();
    private final RecordingLogger log = new RecordingLogger();
    private final HostIdentity laptop = TestInputs.identity("laptop");
    private final RegistrationEngine engine = new RegistrationEngine(scheduler, clock, sender,
            new DesiredRecords("linux"), Duration.ofMinutes(90), log.logger());

    private void signedInBehindNat() {
        engine.credentials(ALICE);
        engine.identity(laptop);
        engine.publicEndpoint(TestInputs.endpoint(MAPPING, "203.0.113.7", 61_000));
    }

    @Test
    void nothingIsSentBeforeSignInAndTheStatusSaysSo() {
        engine.identity(TestInputs.identity("laptop"));
        scheduler.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), sender.calls);
        assertEquals("not signed in: nothing is published", engine.state().lastResult());
    }

    @Test
    void inputsArrivingTogetherGoOutInOneUpdateAfterTheDebounce() {
        signedInBehindNat();
        scheduler.advance(RegistrationEngine.DEBOUNCE.minusMillis(1));
        assertEquals(0, sender.publishes().size());
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(List.of(TestInputs.set("laptop", TestInputs.PUBLIC, 61_000)),
                sender.publishes().stream().map(FakeSender.Call::set).toList());
        assertEquals(Duration.ofMinutes(90), sender.publishes().get(0).lease());
    }

    @Test
    void refreshesAtThreeQuartersOfTheGrantedLease() {
        sender.grant = Duration.ofHours(1);
        signedInBehindNat();
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        Registration first = engine.state().registration().orElseThrow();
        assertEquals(clock.instant().plus(Duration.ofHours(1)), first.leaseExpires());
        assertEquals(Duration.ofMinutes(45), scheduler.nextDelay().orElseThrow());
        scheduler.advance(Duration.ofMinutes(45).minusSeconds(1));
        assertEquals(1, sender.publishes().size());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(2, sender.publishes().size());
        assertEquals(sender.publishes().get(0).set(), sender.publishes().get(1).set());
        assertEquals(clock.instant().plus(Duration.ofHours(1)),
                engine.state().registration().orElseThrow().leaseExpires());
    }

    @Test
    void aNewPublicEndpointIsRepublishedAtOnceReplacingTheOldSet() {
        signedInBehindNat();
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        engine.publicEndpoint(TestInputs.endpoint(MAPPING, "198.51.100.9", 40_000));
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        FakeSender.Call second = sender.publishes().get(1);
        assertEquals(TestInputs.set("laptop", (Inet4Address) TestInputs.address("198.51.100.9"), 40_000), second.set());
        assertEquals(Optional.of(TestInputs.set("laptop", TestInputs.PUBLIC, 61_000)), second.previous());
    }

    @Test
    void aPublishedHostThatMovedSendsItsNewEndpointWithoutTheDebounce() {
        signedInBehindNat();
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        engine.publicEndpoint(TestInputs.endpoint(STUN, "198.51.100.9", 4500));
        engine.publicEndpoint(TestInputs.endpoint(STUN, "198.51.100.10", 4500));
        scheduler.runDue();
        assertEquals(List.of(TestInputs.set("laptop", TestInputs.PUBLIC, 61_000),
                TestInputs.set("laptop", (Inet4Address) TestInputs.address("198.51.100.10"), 4500)),
                sender.publishes().stream().map(FakeSender.Call::set).toList());
    }

    @Test
    void aMovedHostsFirstFailedUpdateIsRetriedAtOnceThenWithTheBackoff() {
        signedInBehindNat();
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        sender.failures.add("cannot reach the update server 127.0.0.1:8853: Connection reset");
        sender.failures.add("cannot reach the update server 127.0.0.1:8853: Connection reset");
        engine.publicEndpoint(TestInputs.endpoint(STUN, "198.51.100.10", 4500));
        scheduler.runDue();
        assertEquals(RegistrationEngine.MOVED_RETRY, scheduler.nextDelay().orElseThrow());
        scheduler.advance(RegistrationEngine.MOVED_RETRY);
        assertEquals(RegistrationEngine.FIRST_RETRY, scheduler.nextDelay().orElseThrow(), "then the usual backoff");
        scheduler.advance(RegistrationEngine.FIRST_RETRY);
        assertEquals(TestInputs.set("laptop", (Inet4Address) TestInputs.address("198.51.100.10"), 4500),
                engine.state().registration().orElseThrow().records());
    }

    @Test
    void theReportedEndpointIsPublishedAndItsSourceShown() {
        engine.credentials(ALICE);
        engine.identity(laptop);
        engine.publicEndpoint(TestInputs.endpoint(STUN, "198.51.100.20", 4500));
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        assertEquals(TestInputs.set("laptop", (Inet4Address) TestInputs.address("198.51.100.20"), 4500),
                sender.publishes().get(0).set());
        assertEquals("the tunnel port as a STUN server sees it, no port mapping", engine.state().endpointSource());

        engine.publicEndpoint(TestInputs.endpoint(MAPPING, "203.0.113.7", 61_000));
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        assertEquals(TestInputs.set("laptop", TestInputs.PUBLIC, 61_000), sender.publishes().get(1).set());
        assertEquals("the tunnel port as the gateway maps it", engine.state().endpointSource());

        engine.publicEndpoint(TestInputs.endpoint(CONFIGURED, "203.0.113.7", 4500));
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        assertEquals(TestInputs.set("laptop", TestInputs.PUBLIC, 4500), sender.publishes().get(2).set());
        assertEquals("configured publicAddress, no port mapping", engine.state().endpointSource());

        engine.publicEndpoint(TestInputs.endpoint(LOCAL, "192.0.2.10", 4500));
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        assertEquals(TestInputs.set("laptop", OWN, 4500), sender.publishes().get(3).set());
        assertEquals("this host's own address, no port mapping", engine.state().endpointSource());
    }

    @Test
    void theSameEndpointAgainCausesNoUpdate() {
        signedInBehindNat();
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        engine.publicEndpoint(TestInputs.endpoint(MAPPING, "203.0.113.7", 61_000));
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(1, sender.publishes().size());
    }

    @Test
    void withoutAnIpv4EndpointNothingIsPublishedAndTheStatusSaysWhy() {
        engine.credentials(ALICE);
        engine.identity(laptop);
        engine.publicEndpoint(TestInputs.endpoint(STUN, "2001:db8::7", 4500));
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        assertEquals(List.of(), sender.calls);
        assertEquals("waiting for an IPv4 address or a port mapping", engine.state().lastResult());
    }

    @Test
    void losingTheEndpointKeepsThePublishedSetAlive() {
        signedInBehindNat();
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        engine.publicEndpoint(Optional.empty());
        scheduler.advance(Duration.ofMinutes(70));
        assertEquals(2, sender.publishes().size());
        assertEquals(sender.publishes().get(0).set(), sender.publishes().get(1).set());
    }

    @Test
    void failuresAreShownAndRetriedWithExponentialBackoffUpToFiveMinutes() {
        for (int i = 0; i < 10; i++) {
            sender.failures.add("REFUSED: the update server does not let key k change zone z");
        }
        signedInBehindNat();
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        List<Long> delays = new ArrayList<>();
        while (sender.publishes().size() <= 10) {
            Duration delay = scheduler.nextDelay().orElseThrow();
            delays.add(delay.toSeconds());
            assertTrue(engine.state().lastResult().contains("REFUSED: the update server"),
                    engine.state().lastResult());
            scheduler.advance(delay);
        }
        assertEquals(List.of(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L), delays);
        assertTrue(engine.state().registration().isPresent());
        assertEquals(10, log.count(LogLevel.WARN, "REFUSED"));
        sender.failures.add("cannot reach the update server 127.0.0.1:8853: Connection refused");
        scheduler.advance(scheduler.nextDelay().orElseThrow());
        assertEquals(Duration.ofSeconds(2), scheduler.nextDelay().orElseThrow(), "a success starts the backoff over");
    }

    @Test
    void anEndpointReportCutsABackoffWaitShort() {
        for (int i = 0; i < 8; i++) {
            sender.failures.add("cannot reach the update server 127.0.0.1:8853: Network is unreachable");
        }
        signedInBehindNat();
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        while (sender.publishes().size() < 8) {
            scheduler.advance(scheduler.nextDelay().orElseThrow());
        }
        assertEquals(Duration.ofSeconds(256), scheduler.nextDelay().orElseThrow());
        engine.publicEndpoint(TestInputs.endpoint(MAPPING, "203.0.113.7", 61_000));
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        assertEquals(9, sender.publishes().size());
        assertTrue(engine.state().registration().isPresent());
    }

    @Test
    void withdrawDeletesThePublishedSetAndStopsPublishing() throws Exception {
        signedInBehindNat();
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        engine.withdraw();
        assertEquals("withdraw", sender.calls.get(1).kind());
        assertEquals(TestInputs.set("laptop", TestInputs.PUBLIC, 61_000), sender.calls.get(1).set());
        assertEquals(Optional.empty(), engine.state().registration());
        engine.publicEndpoint(TestInputs.endpoint(MAPPING, "198.51.100.9", 40_000));
        scheduler.advance(Duration.ofHours(3));
        assertEquals(2, sender.calls.size());
    }

    @Test
    void aCleanStopAndASignOutEachWithdraw() {
        signedInBehindNat();
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        engine.credentialsGone(ALICE);
        assertEquals("withdraw", sender.calls.get(1).kind());
        scheduler.advance(Duration.ofHours(3));
        assertEquals(2, sender.calls.size());
        engine.credentials(ALICE);
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        engine.close();
        assertEquals(List.of("publish", "withdraw", "publish", "withdraw"),
                sender.calls.stream().map(FakeSender.Call::kind).toList());
        scheduler.advance(Duration.ofHours(3));
        assertEquals(4, sender.calls.size());
    }

    @Test
    void anExplicitPublishIsKeptAndClampsItsLease() throws Exception {
        engine.credentials(ALICE);
        HostRecordSet chosen = TestInputs.set("desk", TestInputs.PUBLIC, 4501);
        Registration registration = engine.publish(chosen, Duration.ofHours(10));
        assertEquals(chosen, registration.records());
        assertEquals(Duration.ofHours(2), sender.publishes().get(0).lease());
        engine.identity(TestInputs.identity("laptop"));
        scheduler.advance(Duration.ofMinutes(90));
        assertTrue(sender.publishes().stream().allMatch(call -> call.set().equals(chosen)));
    }

    @Test
    void anExplicitPublishReportsWhyItFailed() {
        assertEquals("not signed in: sign in before publishing",
                assertThrows(UpdateFailure.class, () -> engine.publish(TestInputs.set("desk", OWN, 1), Duration.ZERO))
                        .getMessage());
        engine.credentials(ALICE);
        sender.failures.add("BADSIG: the update server rejected the signature");
        UpdateFailure failure = assertThrows(UpdateFailure.class,
                () -> engine.publish(TestInputs.set("desk", OWN, 1), Duration.ofMinutes(90)));
        assertTrue(failure.getMessage().contains("BADSIG"), failure.getMessage());
    }

    @Test
    void theIdentityGoingAwayKeepsThePublishedSetAlive() {
        signedInBehindNat();
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        engine.identityGone(laptop);
        scheduler.advance(Duration.ofMinutes(70));
        assertEquals(2, sender.publishes().size());
        assertEquals(sender.publishes().get(0).set(), sender.publishes().get(1).set());
    }

    @Test
    void aRenamedHostSignedInWithTheMasterKeyRepublishesAtOnceAndDeletesTheOldNames() {
        signedInBehindNat();
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        engine.identity(TestInputs.identity("studio"));
        scheduler.runDue();

        FakeSender.Call renamed = sender.publishes().get(1);
        assertEquals(TestInputs.set("studio", TestInputs.PUBLIC, 61_000), renamed.set());
        assertEquals(Optional.of(TestInputs.set("laptop", TestInputs.PUBLIC, 61_000)), renamed.previous());
    }

    @Test
    void anEnrolledHostKeepsItsKeysNameUntilTheRendezvousRenamedItThenLeavesTheOldNamesToIt() {
        TsigKey laptopKey = new TsigKey("laptop." + TestInputs.ZONE, "hmac-sha256.", TestInputs.secret());
        TsigKey studioKey = new TsigKey("studio." + TestInputs.ZONE, "hmac-sha256.", TestInputs.secret());
        engine.credentials(TestInputs.credentials(TestInputs.ZONE, laptopKey));
        engine.identity(laptop);
        engine.publicEndpoint(TestInputs.endpoint(MAPPING, "203.0.113.7", 61_000));
        scheduler.advance(RegistrationEngine.DEBOUNCE);

        engine.identity(TestInputs.identity("studio"));
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        assertTrue(sender.publishes().stream().allMatch(c -> c.set().hostName().equals("laptop")),
                "the laptop key may write only laptop's names");
        assertTrue(engine.state().endpointSource().contains("until the rendezvous renames it to studio"),
                engine.state().endpointSource());

        engine.credentials(TestInputs.credentials(TestInputs.ZONE, studioKey));
        scheduler.advance(RegistrationEngine.DEBOUNCE);
        FakeSender.Call last = sender.publishes().get(sender.publishes().size() - 1);
        assertEquals(TestInputs.set("studio", TestInputs.PUBLIC, 61_000), last.set());
        assertEquals(Optional.empty(), last.previous(), "the rendezvous deleted laptop's names with the rename");
    }
}
