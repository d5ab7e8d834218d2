package io.homeward.peers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.service.log.LogLevel;
import org.xbill.DNS.Type;

import io.homeward.api.identity.Eui64;
import io.homeward.api.identity.HostIdentity;
import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerListener;
import io.homeward.api.watch.WatchMechanism;
import io.homeward.kit.text.Eui64Text;
import io.homeward.peers.internal.RecordingPeerListener.Event;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.TestCredentials;
import io.homeward.testkit.TestHostIdentity;

class PeerDirectoryComponentTest {
    static final String ZONE = "alice.members.example.";
    static final String BROWSE = "_homeward._udp." + ZONE;
    static final String LAPTOP_ULA = "fd12:3456:789a:1:21b:63ff:fe84:5a0c";
    static final String LAPTOP_TARGET = "AutoTunnel-02-1B-63-FF-FE-84-5A-0C." + ZONE;
    /** How long the directory waits for more changes of a peer before reporting it. */
    static final Duration SETTLE = Duration.ofMillis(100);

    private final FakeWatcher watcher = new FakeWatcher();
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler logic = new ManualScheduler(clock);
    private final RecordingLogger log = new RecordingLogger();
    private final RecordingPeerListener listener = new RecordingPeerListener();
    private final HostIdentity self = self("home");
    private PeerDirectoryComponent directory;

    @BeforeEach
    void start() {
        directory = new PeerDirectoryComponent(log.logger(), logic, clock, SETTLE);
        directory.bindIdentity(self);
        directory.addListener(listener);
    }

    /** This host, with a name the test chooses. */
    private static HostIdentity self(String name) {
        return new TestHostIdentity(Eui64Text.parse("02-00-5E-FF-FE-00-00-01"), "test",
                TestHostIdentity.ula("fd00:1:2:3:0:5eff:fe00:1"), name);
    }

    private void signIn() {
        directory.bindWatcher(watcher);
        directory.bindCredentials(TestCredentials.of("alice", ZONE));
    }

    /**
     * The records the registrar publishes for a host (docs/architecture.md, "Records a host publishes"), in the
     * order given by {@code parts}.
     */
    private void publish(String host, String ula, int port, String target, String ipv4, String parts) {
        for (char part : parts.toCharArray()) {
            switch (part) {
                case 'P' -> watcher.add(BROWSE, Type.PTR, host + "." + ZONE);
                case 'U' -> watcher.add(host + "." + ZONE, Type.AAAA, ula);
                case 'S' -> watcher.add("_autotunnel._udp." + host + "." + ZONE, Type.SRV, "0 0 " + port + " " + target);
                case 'A' -> watcher.add(target, Type.A, ipv4);
                default -> throw new IllegalArgumentException("unknown part " + part);
            }
        }
    }

    private void publishLaptop() {
        publish("laptop", LAPTOP_ULA, 4500, LAPTOP_TARGET, "203.0.113.7", "PUSA");
    }

    private static Optional<InetSocketAddress> endpoint(String ipv4, int port) {
        return Optional.of(new InetSocketAddress(RecordText.ipv4(ipv4), port));
    }

    static Stream<String> arrivalOrders() {
        List<String> orders = new ArrayList<>();
        permute("", "PUSA", orders);
        return orders.stream();
    }

    private static void permute(String prefix, String rest, List<String> out) {
        if (rest.isEmpty()) {
            out.add(prefix);
        }
        for (int i = 0; i < rest.length(); i++) {
            permute(prefix + rest.charAt(i), rest.substring(0, i) + rest.substring(i + 1), out);
        }
    }

    @ParameterizedTest
    @MethodSource("arrivalOrders")
    void assemblesOnePeerFromPtrAaaaSrvAndAInAnyArrivalOrder(String order) {
        signIn();
        publish("laptop", LAPTOP_ULA, 4500, LAPTOP_TARGET, "203.0.113.7", order);
        logic.advance(SETTLE);

        Peer expected = new Peer("laptop", RecordText.ipv6(LAPTOP_ULA), endpoint("203.0.113.7", 4500),
                MutableClock.DEFAULT_START.plus(SETTLE), "llq-tls");
        assertEquals(List.of(new Event(Optional.empty(), Optional.of(expected))), listener.events());
        assertEquals(List.of(expected), directory.peers());
        assertEquals(Optional.of(expected), directory.peer(RecordText.ipv6(LAPTOP_ULA)));
    }

    @ParameterizedTest
    @MethodSource("arrivalOrders")
    void reportsTheEndpointOnceBothSrvAndAAreKnownWhateverArrivedFirst(String order) {
        signIn();
        for (char part : order.toCharArray()) {
            publish("laptop", LAPTOP_ULA, 4500, LAPTOP_TARGET, "203.0.113.7", String.valueOf(part));
            logic.advance(SETTLE);
        }

        List<Event> events = listener.events();
        assertEquals(Optional.empty(), events.get(0).before(), "the first event is the arrival");
        assertEquals(endpoint("203.0.113.7", 4500), events.get(events.size() - 1).after().orElseThrow().endpoint());
        assertTrue(events.size() <= 2, "an arrival, then at most the endpoint: " + events);
    }

    @Test
    void aNewPublicAddressIsOneEventWithBeforeAndAfter() {
        signIn();
        publishLaptop();
        logic.advance(SETTLE);
        Peer before = directory.peers().get(0);
        listener.take();
        clock.advance(Duration.ofSeconds(42));
        watcher.mechanism(WatchMechanism.DNS_PUSH);

        watcher.remove(LAPTOP_TARGET, Type.A, "203.0.113.7");
        watcher.add(LAPTOP_TARGET, Type.A, "198.51.100.20");
        logic.advance(SETTLE);

        Peer after = new Peer("laptop", before.ula(), endpoint("198.51.100.20", 4500),
                before.changed().plusSeconds(42).plus(SETTLE), "dns-push");
        assertEquals(List.of(new Event(Optional.of(before), Optional.of(after))), listener.events());
        assertEquals(List.of(after), directory.peers());
    }

    @Test
    void aNewSrvPortIsOneEventWithBeforeAndAfter() {
        signIn();
        publishLaptop();
        logic.advance(SETTLE);
        Peer before = directory.peers().get(0);
        listener.take();

        watcher.add("_autotunnel._udp.laptop." + ZONE, Type.SRV, "0 0 61000 " + LAPTOP_TARGET);
        watcher.remove("_autotunnel._udp.laptop." + ZONE, Type.SRV, "0 0 4500 " + LAPTOP_TARGET);
        logic.advance(SETTLE);

        List<Event> events = listener.events();
        assertEquals(1, events.size(), events.toString());
        assertEquals(Optional.of(before), events.get(0).before());
        assertEquals(endpoint("203.0.113.7", 61000), events.get(0).after().orElseThrow().endpoint());
    }

    @Test
    void aNewSrvTargetIsFollowedToItsAddressAndTheOldTargetIsNoLongerWatched() {
        signIn();
        publishLaptop();
        logic.advance(SETTLE);
        listener.take();
        String newTarget = "AutoTunnel-02-1B-63-FF-FE-84-5A-0D." + ZONE;
        watcher.add(newTarget, Type.A, "192.0.2.44");

        watcher.remove("_autotunnel._udp.laptop." + ZONE, Type.SRV, "0 0 4500 " + LAPTOP_TARGET);
        watcher.add("_autotunnel._udp.laptop." + ZONE, Type.SRV, "0 0 4500 " + newTarget);
        logic.advance(SETTLE);

        assertEquals(endpoint("192.0.2.44", 4500), directory.peers().get(0).endpoint());
        assertEquals(1, listener.take().size());
        assertTrue(watcher.watched().contains(newTarget.toLowerCase() + " A"));
        assertFalse(watcher.watched().contains(LAPTOP_TARGET.toLowerCase() + " A"));

        watcher.add(LAPTOP_TARGET, Type.A, "203.0.113.99");
        logic.advance(SETTLE);
        assertEquals(List.of(), listener.events(), "the old target's records no longer matter");
    }

    @Test
    void aHostWhosePtrIsRemovedGoesAndItsSubscriptionsClose() {
        signIn();
        publishLaptop();
        logic.advance(SETTLE);
        Peer before = directory.peers().get(0);
        listener.take();

        watcher.remove(BROWSE, Type.PTR, "laptop." + ZONE);
        logic.advance(SETTLE);

        assertEquals(List.of(new Event(Optional.of(before), Optional.empty())), listener.events());
        assertEquals(List.of(), directory.peers());
        assertEquals(List.of(BROWSE + " PTR"), watcher.watched());
    }

    @Test
    void aHostWhoseAaaaIsGoneIsNoPeerUntilItComesBack() {
        signIn();
        publishLaptop();
        logic.advance(SETTLE);
        listener.take();

        watcher.remove("laptop." + ZONE, Type.AAAA, LAPTOP_ULA);
        logic.advance(SETTLE);
        List<Event> gone = listener.take();
        assertEquals(1, gone.size());
        assertEquals(Optional.empty(), gone.get(0).after());
        assertEquals(List.of(), directory.peers());

        watcher.add("laptop." + ZONE, Type.AAAA, LAPTOP_ULA);
        logic.advance(SETTLE);
        assertEquals(1, directory.peers().size());
        assertEquals(Optional.empty(), listener.take().get(0).before());
    }

    @Test
    void aNewUlaIsAChangeThatKeepsTheEndpointTime() {
        signIn();
        publishLaptop();
        logic.advance(SETTLE);
        listener.take();
        clock.advance(Duration.ofMinutes(5));

        watcher.add("laptop." + ZONE, Type.AAAA, "fd12:3456:789a:1::99");
        watcher.remove("laptop." + ZONE, Type.AAAA, LAPTOP_ULA);
        logic.advance(SETTLE);

        Peer after = listener.events().get(0).after().orElseThrow();
        assertEquals(RecordText.ipv6("fd12:3456:789a:1::99"), after.ula());
        assertEquals(MutableClock.DEFAULT_START.plus(SETTLE), after.changed());
        assertEquals(1, listener.events().size());
    }

    @Test
    void thisHostIsNeverListedNorWatched() {
        signIn();
        publish("home", "fd12:3456:789a:1::1", 4500, "AutoTunnel-02-00-5E-FF-FE-00-00-01." + ZONE, "192.0.2.1",
                "PUSA");
        publishLaptop();
        logic.advance(SETTLE);

        assertEquals(List.of("laptop"), directory.peers().stream().map(Peer::hostName).toList());
        assertTrue(watcher.watched().stream().noneMatch(w -> w.contains("home." + ZONE)), watcher.watched().toString());
    }

    @Test
    void thisHostIsDroppedOnceItsIdentityIsKnown() {
        directory.unbindIdentity(self);
        signIn();
        publish("home", "fd12:3456:789a:1::1", 4500, "AutoTunnel-02-00-5E-FF-FE-00-00-01." + ZONE, "192.0.2.1",
                "PUSA");
        logic.advance(SETTLE);
        assertEquals(1, directory.peers().size(), "without an identity every host is listed");

        directory.bindIdentity(self("Home"));
        logic.advance(SETTLE);

        assertEquals(List.of(), directory.peers());
        assertEquals(Optional.empty(), listener.events().get(listener.events().size() - 1).after());
    }

    @Test
    void newCredentialsForAnotherZoneWatchThatZoneInstead() {
        signIn();
        publishLaptop();
        logic.advance(SETTLE);
        listener.take();
        String bobZone = "bob.members.example.";
        watcher.add("_homeward._udp." + bobZone, Type.PTR, "desk." + bobZone);
        watcher.add("desk." + bobZone, Type.AAAA, "fd99::1");

        directory.bindCredentials(TestCredentials.of("bob", "BOB.members.example"));
        logic.advance(SETTLE);

        List<Event> events = listener.events();
        assertEquals(2, events.size(), events.toString());
        assertEquals("laptop", events.get(0).before().orElseThrow().hostName());
        assertEquals(Optional.empty(), events.get(0).after());
        assertEquals("desk", events.get(1).after().orElseThrow().hostName());
        assertTrue(watcher.watched().stream().noneMatch(w -> w.contains(ZONE)), watcher.watched().toString());
        assertTrue(directory.report().state().contains(bobZone), directory.report().state());
    }

    @Test
    void theSameZoneSignedInAgainKeepsItsSubscriptions() {
        signIn();
        publishLaptop();
        logic.advance(SETTLE);
        listener.take();
        List<String> watched = watcher.watched();

        directory.bindCredentials(TestCredentials.of("alice", ZONE));
        logic.advance(SETTLE);

        assertEquals(watched, watcher.watched());
        assertEquals(List.of(), listener.events());
    }

    @Test
    void signingOutOrLosingTheWatcherEmptiesTheDirectoryAndSaysWhatItWaitsFor() {
        assertEquals("not signed in", directory.report().state());
        TestCredentials alice = TestCredentials.of("alice", ZONE);
        directory.bindCredentials(alice);
        assertEquals("signed in to " + ZONE + "; waiting for a record watcher", directory.report().state());
        directory.bindWatcher(watcher);
        publishLaptop();
        logic.advance(SETTLE);
        assertEquals("watching " + BROWSE + " with llq-tls", directory.report().state());
        watcher.mechanism(WatchMechanism.NONE);
        assertTrue(directory.report().state().contains("no working mechanism yet"), directory.report().state());

        directory.unbindWatcher(watcher);
        assertEquals(List.of(), directory.peers());
        assertEquals(List.of(), watcher.watched());
        directory.bindWatcher(watcher);
        logic.advance(SETTLE);
        assertEquals(1, directory.peers().size(), "a watcher that comes back is used again");

        directory.unbindCredentials(alice);
        assertEquals(List.of(), directory.peers());
        assertEquals("not signed in", directory.report().state());
    }

    @Test
    void aFailingListenerDoesNotKeepTheOthersFromHearing() {
        PeerListener failing = (before, after) -> {
            throw new IllegalStateException("listener bug");
        };
        RecordingPeerListener second = new RecordingPeerListener();
        directory.addListener(failing);
        directory.addListener(second);
        signIn();
        publishLaptop();
        logic.advance(SETTLE);

        assertEquals(1, listener.events().size());
        assertEquals(1, second.events().size());
        assertTrue(log.has(LogLevel.WARN, "listener bug"), log.toString());
        assertEquals(1, directory.peers().size());
    }

    @Test
    void aListenerThatArrivesLateHearsTheCurrentPeersFirst() {
        signIn();
        publishLaptop();
        logic.advance(SETTLE);
        RecordingPeerListener late = new RecordingPeerListener();

        directory.addListener(late);

        assertEquals(List.of(new Event(Optional.empty(), Optional.of(directory.peers().get(0)))), late.events());
        directory.removeListener(late);
        watcher.remove(BROWSE, Type.PTR, "laptop." + ZONE);
        logic.advance(SETTLE);
        assertEquals(1, late.events().size(), "a removed listener hears nothing more");
    }

    @Test
    void unreadableRecordsAreLoggedAndIgnored() {
        signIn();
        watcher.add(BROWSE, Type.PTR, "printer.example.org.");
        watcher.add(BROWSE, Type.PTR, "laptop." + ZONE);
        watcher.add("laptop." + ZONE, Type.AAAA, "not-an-address");
        logic.advance(SETTLE);
        assertEquals(List.of(), directory.peers());

        watcher.add("laptop." + ZONE, Type.AAAA, LAPTOP_ULA);
        logic.advance(SETTLE);

        assertEquals(1, directory.peers().size());
        assertTrue(log.has(LogLevel.WARN, "printer.example.org."), log.toString());
        assertTrue(log.has(LogLevel.WARN, "not-an-address"), log.toString());
        assertTrue(watcher.watched().stream().noneMatch(w -> w.contains("printer")));
    }

    @Test
    void deactivationClosesEverySubscriptionAndTellsListenersThePeersWent() throws InterruptedException {
        signIn();
        publishLaptop();
        logic.advance(SETTLE);
        listener.take();

        directory.deactivate();

        assertEquals(List.of(), watcher.watched());
        assertEquals(Optional.empty(), listener.events().get(0).after());
    }

    @Test
    void aNewPeerChangedWhenItAppeared() {
        clock.set(Instant.parse("2026-03-01T10:00:00Z"));
        signIn();
        publishLaptop();
        logic.advance(SETTLE);

        assertEquals(Instant.parse("2026-03-01T10:00:00Z").plus(SETTLE), directory.peers().get(0).changed(),
                "reported once its records settled");
    }

    @Test
    void thisHostUnderAnOldNameIsNeverAPeerButAnotherRuntimeOfThisMachineIs() {
        signIn();
        publishLaptop();
        publish("home-before-rename", "fd00:1:2:3:0:5eff:fe00:1", 4500, "AutoTunnel-02-00-5E-FF-FE-00-00-01." + ZONE,
                "203.0.113.9", "PUSA");
        publish("same-machine", "fd99:1:2:3:0:5eff:fe00:1", 4501, "AutoTunnel-02-00-5E-FF-FE-00-00-01." + ZONE,
                "203.0.113.9", "PUSA");
        logic.advance(SETTLE);

        assertEquals(List.of("laptop", "same-machine"), directory.peers().stream().map(Peer::hostName).toList());
    }

    @Test
    void aRenamedHostStopsFollowingItsNewNameAndListsItsOldNameNever() {
        signIn();
        publishLaptop();
        publish("studio", "fd00:1:2:3:0:5eff:fe00:1", 4500, "AutoTunnel-02-00-5E-FF-FE-00-00-01." + ZONE,
                "203.0.113.9", "PUSA");
        logic.advance(SETTLE);
        directory.updatedIdentity(self("studio"));
        logic.advance(SETTLE);

        assertEquals(List.of("laptop"), directory.peers().stream().map(Peer::hostName).toList());
        assertEquals(Optional.of("studio"), directory.report().selfName());
    }
}
