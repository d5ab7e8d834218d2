package io.homeward.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.xbill.DNS.Name;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.kit.net.Endpoints;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class NamesEngineTest {
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler logic = new ManualScheduler(clock);
    private final RecordingLogger log = new RecordingLogger();
    private final List<String> events = new ArrayList<>();
    private Optional<String> link = Optional.empty();
    private IOException bindFailure;
    private Optional<String> resolvedMissing = Optional.empty();
    private boolean linkExists = true;

    private final InterfaceLookup interfaces = new InterfaceLookup() {
        @Override
        public Optional<String> interfaceOf(Inet6Address address) {
            return link;
        }

        @Override
        public boolean exists(String name) {
            return linkExists;
        }
    };

    private final Listeners.Opener opener = at -> {
        if (bindFailure != null) {
            throw bindFailure;
        }
        events.add("open " + Endpoints.text(at));
        return () -> events.add("close");
    };

    private final LinkDns linkDns = new LinkDns() {
        @Override
        public Optional<String> unavailable() {
            return resolvedMissing;
        }

        @Override
        public void apply(String on, Inet6Address server, Name zone) {
            events.add("route ~" + zone + " to " + server.getHostAddress() + " on " + on);
        }

        @Override
        public void revert(String on) {
            events.add("revert " + on);
        }
    };

    private final NamesEngine engine = new NamesEngine(logic, Fixtures.SELF.ula(), 53, opener, interfaces,
            Optional.of(linkDns), log.logger());

    private static final String OPEN = "open [fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c]:53";
    private static final String ROUTE = "route ~alice.members.example. to fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c on "
            + "homeward0";

    @Test
    void waitsForTheUlaOnAnInterfaceThenListens() {
        engine.start();
        assertTrue(events.isEmpty());
        assertTrue(engine.listening().contains("on no interface yet"), engine.listening());

        link = Optional.of("homeward0");
        logic.advance(NamesEngine.RETRY_LISTEN);
        assertEquals(List.of(OPEN), events);
        assertEquals("[fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c]:53 UDP and TCP, on homeward0", engine.listening());
    }

    @Test
    void aNetworkChangeMakesItListenAtOnce() {
        engine.start();
        link = Optional.of("homeward0");
        engine.networkChanged(change(NetworkChange.Kind.ADDRESS_ADDED, "homeward0"));
        assertEquals(List.of(OPEN), events);
    }

    @Test
    void aBindFailureSaysWhyOnceAndIsTriedAgain() {
        link = Optional.of("homeward0");
        bindFailure = new BindException("Permission denied");
        engine.start();
        logic.advance(NamesEngine.RETRY_LISTEN.multipliedBy(3));
        assertTrue(engine.listening().contains("CAP_NET_BIND_SERVICE"), engine.listening());
        assertEquals(1, log.count(LogLevel.WARN, "CAP_NET_BIND_SERVICE"), log.toString());

        bindFailure = null;
        logic.advance(NamesEngine.RETRY_LISTEN);
        assertEquals(List.of(OPEN), events);
    }

    @Test
    void signedInAndListeningTheSystemResolverIsToldAndSignOutTakesItBack() {
        link = Optional.of("homeward0");
        engine.start();
        engine.signedIn(Optional.of(Fixtures.signedIn(clock)));
        assertEquals(List.of(OPEN, ROUTE), events);
        assertTrue(engine.systemResolver().startsWith("systemd-resolved sends ~alice.members.example to"),
                engine.systemResolver());

        engine.signedIn(Optional.empty());
        assertEquals(List.of(OPEN, ROUTE, "revert homeward0"), events);
        assertEquals("not told: not signed in", engine.systemResolver());
    }

    @Test
    void theLinkComingBackIsToldAgain() {
        link = Optional.of("homeward0");
        engine.start();
        engine.signedIn(Optional.of(Fixtures.signedIn(clock)));
        events.clear();
        engine.networkChanged(change(NetworkChange.Kind.LINK_UP, "homeward0"));
        assertEquals(List.of("revert homeward0", ROUTE), events);
        engine.networkChanged(change(NetworkChange.Kind.ADDRESS_ADDED, "eth0"));
        assertEquals(List.of("revert homeward0", ROUTE), events, "another link's change changes nothing here");
    }

    @Test
    void theUlaLeavingItsInterfaceClosesTheSocketsAndTakesTheRouteBack() {
        link = Optional.of("homeward0");
        engine.start();
        engine.signedIn(Optional.of(Fixtures.signedIn(clock)));
        link = Optional.empty();
        engine.networkChanged(change(NetworkChange.Kind.LINK_DOWN, "homeward0"));
        assertEquals(List.of(OPEN, ROUTE, "close", "revert homeward0"), events);
    }

    @Test
    void aLinkThatIsGoneIsNotReverted() {
        link = Optional.of("homeward0");
        engine.start();
        engine.signedIn(Optional.of(Fixtures.signedIn(clock)));
        link = Optional.empty();
        linkExists = false;
        engine.networkChanged(change(NetworkChange.Kind.LINK_DOWN, "homeward0"));
        assertEquals(List.of(OPEN, ROUTE, "close"), events);
        assertEquals(0, log.count(LogLevel.WARN, "homeward0"), log.toString());
    }

    @Test
    void withoutSystemdResolvedItSaysWhatToAddByHand() {
        link = Optional.of("homeward0");
        resolvedMissing = Optional.of("systemd-resolved is not running (no /run/systemd/resolve)");
        engine.start();
        engine.signedIn(Optional.of(Fixtures.signedIn(clock)));

        assertEquals(List.of(OPEN), events);
        assertEquals("not told: systemd-resolved is not running (no /run/systemd/resolve)", engine.systemResolver());
        assertTrue(engine.manualSetup().contains("  nameserver fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c"),
                engine.manualSetup().toString());
        assertTrue(engine.manualSetup().contains("  server=/alice.members.example/fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c"),
                engine.manualSetup().toString());
        assertEquals(1, log.count(LogLevel.WARN, "dig @fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c answers them"),
                log.toString());

        resolvedMissing = Optional.empty();
        logic.advance(NamesEngine.RETRY_SYSTEM_RESOLVER);
        assertEquals(List.of(OPEN, ROUTE), events, "systemd-resolved started later is told");
    }

    @Test
    void stoppingClosesTheSocketsAndRevertsTheLink() {
        link = Optional.of("homeward0");
        engine.start();
        engine.signedIn(Optional.of(Fixtures.signedIn(clock)));
        engine.stop();
        assertEquals(List.of(OPEN, ROUTE, "revert homeward0", "close"), events);
        engine.networkChanged(change(NetworkChange.Kind.ADDRESS_ADDED, "homeward0"));
        assertEquals(4, events.size(), "nothing after stop");
    }

    @Test
    void leftAloneWhenConfiguredSo() {
        link = Optional.of("homeward0");
        NamesEngine alone = new NamesEngine(logic, Fixtures.SELF.ula(), 5353, opener, interfaces,
                Optional.empty(), log.logger());
        alone.start();
        alone.signedIn(Optional.of(Fixtures.signedIn(clock)));
        assertEquals(List.of("open [fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c]:5353"), events);
        assertTrue(alone.systemResolver().startsWith("left alone"), alone.systemResolver());
        assertTrue(alone.manualSetup().size() > 1);
    }

    @Test
    void bindFailuresAreExplained() {
        InetSocketAddress at = new InetSocketAddress(Fixtures.SELF.ula(), 53);
        assertTrue(BindFailure.explain(new BindException("Address already in use"), at).endsWith(
                "another program already listens there"));
        assertTrue(BindFailure.explain(new BindException("Cannot assign requested address"), at).endsWith(
                "the address is not on any interface (yet)"));
        assertEquals("cannot listen on [fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c]:53: odd",
                BindFailure.explain(new IOException("odd"), at));
    }

    private NetworkChange change(NetworkChange.Kind kind, String on) {
        return new NetworkChange(kind, Optional.of(on), kind + " on " + on, Instant.EPOCH);
    }
}
