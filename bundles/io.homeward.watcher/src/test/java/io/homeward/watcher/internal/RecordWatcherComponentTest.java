package io.homeward.watcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

import io.homeward.api.endpoint.EndpointSource;
import io.homeward.api.endpoint.PublicEndpoint;
import io.homeward.api.watch.Subscription;
import io.homeward.api.watch.SubscriptionState;
import io.homeward.testkit.FakePublicEndpoints;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.SelfSignedTls;

class RecordWatcherComponentTest {
    private final RecordingLogger log = new RecordingLogger();
    private final RecordingListener listener = new RecordingListener();
    private TestRendezvousServer server;
    private RecordWatcherComponent component;

    @BeforeEach
    void start() throws Exception {
        server = new TestRendezvousServer(new SelfSignedTls());
        server.add(LoopbackWatchTest.address("fd00::1"));
    }

    @AfterEach
    void stop() throws Exception {
        if (component != null) {
            component.deactivate();
        }
        server.close();
    }

    /** The configuration with its metatype defaults, except for the given attributes. */
    static RecordWatcherComponent.Config config(Map<String, Object> overrides) {
        Class<RecordWatcherComponent.Config> type = RecordWatcherComponent.Config.class;
        return (RecordWatcherComponent.Config) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> overrides.getOrDefault(method.getName(), method.getDefaultValue()));
    }

    @Test
    void subscriptionsWaitForCredentialsAndPauseWithoutThem() throws Exception {
        component = new RecordWatcherComponent(log.logger(), config(Map.of("server", server.udpAddress())));
        Subscription subscription = component.subscribe(LoopbackWatchTest.LAPTOP.toString(), Type.AAAA, listener);
        assertEquals("none", subscription.mechanism().text());
        assertEquals(List.of(), listener.events);

        TestCredentials alice = new TestCredentials();
        component.bindCredentials(alice);
        Await.until(() -> "llq-udp but is " + subscription.mechanism().text() + "; " + log.lines(),
                () -> subscription.mechanism().text().equals("llq-udp"));
        Await.until("the initial answer", () -> listener.events.size() == 1);

        component.unbindCredentials(alice);
        Await.until("none", () -> subscription.mechanism().text().equals("none"));
        Await.until("the LLQ ended", () -> server.llqCount() == 0);
        server.remove(LoopbackWatchTest.address("fd00::1"));
        assertEquals(List.of("+fd00:0:0:0:0:0:0:1"), listener.events, "signed out: the last view stays");
    }

    @Test
    void theStatusShowsEachWatchAndTheCommandPrintsIt() throws Exception {
        component = new RecordWatcherComponent(log.logger(), config(Map.of("server", server.udpAddress())));
        assertEquals(List.of(), component.subscriptions());
        assertEquals("No records are watched.", WatchReport.of(component.subscriptions()));
        component.bindCredentials(new TestCredentials());
        Instant before = Instant.now();
        Subscription subscription = component.subscribe(LoopbackWatchTest.LAPTOP.toString(), Type.AAAA, listener);
        Await.until("an established watch with a lease", () -> component.subscriptions().size() == 1
                && component.subscriptions().get(0).leaseExpiry().isPresent()
                && component.subscriptions().get(0).lastEvent().isPresent());
        SubscriptionState status = component.subscriptions().get(0);
        assertEquals("laptop.alice.btmm.example.", status.name());
        assertEquals(Type.AAAA, status.type());
        assertEquals("llq-udp", status.mechanism().text());
        assertTrue(status.leaseExpiry().get().isAfter(before), "the lease ends in the future: " + status);
        assertFalse(status.lastEvent().get().isBefore(before.minusSeconds(1)), "the answers arrived now: " + status);

        WatchesCommand command = new WatchesCommand();
        assertTrue(command.watches().contains("not running"));
        command.source = component;
        String table = command.watches();
        assertTrue(table.contains("laptop.alice.btmm.example.") && table.contains("llq-udp")
                && table.contains(status.leaseExpiry().get().toString()), table);

        subscription.close();
        Await.until("the closed subscription gone from the status", () -> component.subscriptions().isEmpty());
    }

    @Test
    void deactivationEndsEveryLlqPolitely() throws Exception {
        component = new RecordWatcherComponent(log.logger(), config(Map.of("server", server.udpAddress())));
        component.bindCredentials(new TestCredentials());
        Subscription subscription = component.subscribe(LoopbackWatchTest.LAPTOP.toString(), Type.AAAA, listener);
        Await.until("llq-udp", () -> subscription.mechanism().text().equals("llq-udp"));
        component.deactivate();
        component = null;
        Await.until("the LLQ ended by a zero-lease refresh", () -> server.llqCount() == 0);
    }

    @Test
    void badConfigurationAndBadNamesAreExplained() {
        IllegalArgumentException config = assertThrows(IllegalArgumentException.class,
                () -> new RecordWatcherComponent(log.logger(), config(Map.of("tlsFingerprint", "12:34"))));
        assertTrue(config.getMessage().contains("tlsFingerprint"));
        component = new RecordWatcherComponent(log.logger(), config(Map.of("server", server.udpAddress())));
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> component.subscribe("bad..name", Type.AAAA, listener));
        assertTrue(name.getMessage().contains("bad..name"));
        assertThrows(IllegalArgumentException.class, () -> component.subscribe("ok.example.", 0, listener));
    }

    private static Optional<PublicEndpoint> endpoint(EndpointSource source, String address) {
        return Optional.of(new PublicEndpoint(new InetSocketAddress(address, 4500), source));
    }

    /** A component with a subscription established over LLQ on UDP, told the public endpoint by {@code endpoints}. */
    private Subscription watching(FakePublicEndpoints endpoints) throws Exception {
        component = new RecordWatcherComponent(log.logger(), config(Map.of("server", server.udpAddress())));
        component.bindPublicEndpoints(endpoints);
        component.bindCredentials(new TestCredentials());
        Subscription subscription = component.subscribe(LoopbackWatchTest.LAPTOP.toString(), Type.AAAA, listener);
        Await.until("llq-udp", () -> subscription.mechanism().text().equals("llq-udp") && listener.events.size() == 1);
        return subscription;
    }

    @Test
    void aMovedPublicEndpointReEstablishesEveryWatchWithoutRepeatingAnswers() throws Exception {
        FakePublicEndpoints endpoints = new FakePublicEndpoints(endpoint(EndpointSource.LOCAL, "192.0.2.10"));
        Subscription subscription = watching(endpoints);
        endpoints.report(endpoint(EndpointSource.MAPPING, "203.0.113.7"));
        Await.until("a second LLQ setup", () -> server.setups.get() == 2);
        Await.until("llq-udp again", () -> subscription.mechanism().text().equals("llq-udp"));
        Await.until("the old LLQ ended", () -> server.llqCount() == 1);
        assertEquals(List.of("+fd00:0:0:0:0:0:0:1"), listener.events);
    }

    @Test
    void aBurstOfMovesReEstablishesEveryWatchOnce() throws Exception {
        FakePublicEndpoints endpoints = new FakePublicEndpoints(endpoint(EndpointSource.LOCAL, "192.0.2.10"));
        Subscription subscription = watching(endpoints);
        endpoints.report(endpoint(EndpointSource.LOCAL, "192.0.2.11"));
        endpoints.report(endpoint(EndpointSource.STUN, "198.51.100.20"));
        endpoints.report(endpoint(EndpointSource.MAPPING, "203.0.113.7"));
        Await.until("a second LLQ setup", () -> server.setups.get() == 2);
        Await.until("llq-udp again", () -> subscription.mechanism().text().equals("llq-udp"));
        Await.until("the old LLQ ended", () -> server.llqCount() == 1);
        assertEquals(2, server.setups.get(), "one burst, one re-establishment");
        assertEquals(List.of("+fd00:0:0:0:0:0:0:1"), listener.events);
    }

    @Test
    void aNewPublicAddressOrItsReturnAfterALossReEstablishesTheWatchesButTheSameOneDoesNot() throws Exception {
        FakePublicEndpoints endpoints = new FakePublicEndpoints(Optional.empty());
        Subscription subscription = watching(endpoints);
        endpoints.report(endpoint(EndpointSource.MAPPING, "203.0.113.7"));
        endpoints.report(endpoint(EndpointSource.MAPPING, "203.0.113.7"));
        endpoints.report(endpoint(EndpointSource.STUN, "198.51.100.20"));
        Await.until("a second LLQ setup", () -> server.setups.get() == 2);
        endpoints.report(Optional.empty());
        endpoints.report(endpoint(EndpointSource.STUN, "198.51.100.20"));
        Await.until("a third LLQ setup", () -> server.setups.get() == 3);
        Await.until("llq-udp again", () -> subscription.mechanism().text().equals("llq-udp"));
        assertEquals(3, server.setups.get(), "a move and a return re-established the watch, nothing else did");
        assertEquals(List.of("+fd00:0:0:0:0:0:0:1"), listener.events);
        component.unbindPublicEndpoints(endpoints);
        assertEquals(List.of(), endpoints.listeners());
    }
}
