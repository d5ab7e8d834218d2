package io.homeward.watcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import io.homeward.api.watch.Subscription;
import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.SelfSignedTls;
import io.homeward.watcher.internal.net.SocketNetwork;

/** The whole watcher against a small rendezvous server on loopback, over real UDP and TLS sockets. */
class LoopbackWatchTest {
    static final Name LAPTOP = Name.fromConstantString("laptop." + TestKeys.ZONE);
    static final String[] ALL = {"dns-push", "llq-tls", "llq-udp", "poll"};
    static final String NOT_THE_PIN = "00".repeat(32);
    private static SelfSignedTls certificate;

    private final RecordingLogger log = new RecordingLogger();
    private final RecordingListener listener = new RecordingListener();
    private TestRendezvousServer server;
    private ExecutorScheduler logic;
    private ExecutorService io;
    private SocketNetwork network;
    private WatchEngine engine;

    @BeforeAll
    static void certificate() throws Exception {
        certificate = new SelfSignedTls();
    }

    @BeforeEach
    void server() throws Exception {
        server = new TestRendezvousServer(certificate);
        server.add(address("fd00::1"));
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (logic != null) {
            logic.shutdown(Duration.ofSeconds(5));
            network.close();
            io.shutdownNow();
        }
        server.close();
    }

    static Record address(String address) throws Exception {
        return new AAAARecord(LAPTOP, DClass.IN, 120, InetAddress.getByName(address));
    }

    private Subscription watch(String pin, boolean allowUdp, int pollSeconds) {
        logic = new ExecutorScheduler("test-watcher", log.logger());
        io = Executors.newCachedThreadPool();
        network = new SocketNetwork(logic, io, log.logger());
        WatcherSettings settings = WatcherSettings.of(server.udpAddress(), pin, pollSeconds, 7200, ALL, allowUdp);
        engine = new WatchEngine(logic, settings, network, new SecureRandom(), Clock.systemUTC(), log.logger());
        engine.credentials(new TestCredentials());
        return engine.subscribe(LAPTOP.toString(), Type.AAAA, listener);
    }

    /** Waits until the listener heard exactly these events, each once; a diff may report in any order. */
    private void awaitEvents(String... expected) throws InterruptedException {
        List<String> wanted = Stream.of(expected).sorted().toList();
        Await.until(() -> "events " + wanted + " but have " + listener.events + "; log " + log.lines(),
                () -> listener.events.stream().sorted().toList().equals(wanted));
    }

    private static void awaitMechanism(Subscription subscription, String mechanism) throws InterruptedException {
        Await.until(() -> mechanism + " but is " + subscription.mechanism().text(),
                () -> subscription.mechanism().text().equals(mechanism));
    }

    @Test
    void withoutTlsServicesLlqOverUdpDeliversAnswersThenEventsAndAcknowledgesThem() throws Exception {
        Subscription subscription = watch("", true, 60);
        awaitMechanism(subscription, "llq-udp");
        awaitEvents("+fd00:0:0:0:0:0:0:1");
        server.add(address("fd00::2"));
        awaitEvents("+fd00:0:0:0:0:0:0:1", "+fd00:0:0:0:0:0:0:2");
        Await.until("the event's acknowledgement", () -> server.acks.size() == 1);
        server.repeatLastEvent();
        Await.until("the repeated event's acknowledgement", () -> server.acks.size() == 2);
        server.remove(address("fd00::1"));
        awaitEvents("+fd00:0:0:0:0:0:0:1", "+fd00:0:0:0:0:0:0:2", "-fd00:0:0:0:0:0:0:1");
        Await.until("three acknowledgements", () -> server.acks.size() == 3);
        assertEquals(List.of("+fd00:0:0:0:0:0:0:1", "+fd00:0:0:0:0:0:0:2", "-fd00:0:0:0:0:0:0:1"), listener.events,
                "the repeated event was not reported again");
    }

    @Test
    void theLeaseIsRefreshedBeforeItExpires() throws Exception {
        server.grantedLease = 2;
        Subscription subscription = watch("", true, 60);
        awaitMechanism(subscription, "llq-udp");
        Await.until("two refreshes", () -> server.refreshes.get() >= 2);
        assertEquals("llq-udp", subscription.mechanism().text());
        assertEquals(1, server.llqCount());
    }

    @Test
    void aRestartedLlqServerGetsANewSetupAndOnlyTheDifferencesAreReported() throws Exception {
        server.grantedLease = 2;
        Subscription subscription = watch("", true, 60);
        awaitEvents("+fd00:0:0:0:0:0:0:1");
        server.forgetLlqs();
        server.remove(address("fd00::1"));
        server.add(address("fd00::3"));
        awaitEvents("+fd00:0:0:0:0:0:0:1", "-fd00:0:0:0:0:0:0:1", "+fd00:0:0:0:0:0:0:3");
        awaitMechanism(subscription, "llq-udp");
    }

    @Test
    void dnsPushOverPinnedTlsIsPreferred() throws Exception {
        server.offer(SessionFactory.PUSH_SERVICE);
        server.offer(SessionFactory.LLQ_TLS_SERVICE);
        Subscription subscription = watch(certificate.fingerprint(), true, 60);
        awaitMechanism(subscription, "dns-push");
        awaitEvents("+fd00:0:0:0:0:0:0:1");
        server.add(address("fd00::2"));
        server.remove(address("fd00::1"));
        awaitEvents("+fd00:0:0:0:0:0:0:1", "+fd00:0:0:0:0:0:0:2", "-fd00:0:0:0:0:0:0:1");
        assertEquals(0, server.llqCount());
    }

    @Test
    void afterThePushServerClosesTheSubscriptionIsRenewedWithOnlyTheDifferences() throws Exception {
        server.offer(SessionFactory.PUSH_SERVICE);
        Subscription subscription = watch(certificate.fingerprint(), true, 60);
        awaitMechanism(subscription, "dns-push");
        awaitEvents("+fd00:0:0:0:0:0:0:1");
        server.dropConnections();
        server.remove(address("fd00::1"));
        server.add(address("fd00::4"));
        awaitEvents("+fd00:0:0:0:0:0:0:1", "-fd00:0:0:0:0:0:0:1", "+fd00:0:0:0:0:0:0:4");
        awaitMechanism(subscription, "dns-push");
        Await.until("a second SUBSCRIBE", () -> server.subscribes.get() == 2);
    }

    @Test
    void everyWatchSharesOneDnsPushConnection() throws Exception {
        server.offer(SessionFactory.PUSH_SERVICE);
        Subscription first = watch(certificate.fingerprint(), true, 60);
        List<RecordingListener> listeners = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            RecordingListener peer = new RecordingListener();
            listeners.add(peer);
            subscriptions.add(engine.subscribe("peer" + n + "." + TestKeys.ZONE, Type.AAAA, peer));
        }
        awaitMechanism(first, "dns-push");
        for (Subscription subscription : subscriptions) {
            awaitMechanism(subscription, "dns-push");
        }
        for (int n = 0; n < 40; n++) {
            server.add(new AAAARecord(Name.fromConstantString("peer" + n + "." + TestKeys.ZONE), DClass.IN, 120,
                    InetAddress.getByName("fd00::" + Integer.toHexString(n + 10))));
        }
        for (int n = 0; n < 40; n++) {
            RecordingListener peer = listeners.get(n);
            String expected = "+fd00:0:0:0:0:0:0:" + Integer.toHexString(n + 10);
            Await.until(() -> "peer's change " + expected + " but have " + peer.events + "; log " + log.lines(),
                    () -> peer.events.equals(List.of(expected)));
        }
        assertEquals(1, server.tlsAccepts.get(), () -> "one TLS connection carries every subscription; log " + log.lines());
        assertEquals(41, server.subscribes.get());
        subscriptions.get(0).close();
        server.add(new AAAARecord(Name.fromConstantString("peer1." + TestKeys.ZONE), DClass.IN, 120,
                InetAddress.getByName("fd00::99")));
        Await.until("the other watches still hear changes", () -> listeners.get(1).events.size() == 2);
        assertEquals(List.of("+fd00:0:0:0:0:0:0:a"), listeners.get(0).events, "the closed one does not");
    }

    @Test
    void refusedPushFallsBackToLlqOverTls() throws Exception {
        server.offer(SessionFactory.PUSH_SERVICE);
        server.offer(SessionFactory.LLQ_TLS_SERVICE);
        server.subscribeRcode = Rcode.REFUSED;
        Subscription subscription = watch(certificate.fingerprint(), true, 60);
        awaitMechanism(subscription, "llq-tls");
        awaitEvents("+fd00:0:0:0:0:0:0:1");
        server.add(address("fd00::2"));
        awaitEvents("+fd00:0:0:0:0:0:0:1", "+fd00:0:0:0:0:0:0:2");
        Await.until("the acknowledgement over TLS", () -> server.acks.size() == 1);
        assertTrue(log.count(LogLevel.INFO, "REFUSED") >= 1, "the fallback says why");
    }

    @Test
    void aFingerprintMismatchIsRefusedLoudlyAndNeverFallsBackWhenUdpIsNotAllowed() throws Exception {
        server.offer(SessionFactory.PUSH_SERVICE);
        server.offer(SessionFactory.LLQ_TLS_SERVICE);
        Subscription subscription = watch(NOT_THE_PIN, false, 60);
        Await.until("the mismatch errors", () -> log.count(LogLevel.ERROR, "fingerprint") >= 2);
        assertEquals("none", subscription.mechanism().text());
        assertEquals(List.of(), listener.events);
        assertEquals(0, server.subscribes.get());
    }

    @Test
    void aFingerprintMismatchMayFallBackToSignedUdpWhenAllowed() throws Exception {
        server.offer(SessionFactory.PUSH_SERVICE);
        Subscription subscription = watch(NOT_THE_PIN, true, 60);
        awaitMechanism(subscription, "llq-udp");
        assertTrue(log.count(LogLevel.ERROR, "fingerprint") >= 1);
        awaitEvents("+fd00:0:0:0:0:0:0:1");
    }

    @Test
    void withNothingElsePollingReportsAddsAndRemoves() throws Exception {
        server.llqUdp = false;
        Subscription subscription = watch("", true, 1);
        awaitMechanism(subscription, "poll");
        awaitEvents("+fd00:0:0:0:0:0:0:1");
        server.add(address("fd00::5"));
        server.remove(address("fd00::1"));
        awaitEvents("+fd00:0:0:0:0:0:0:1", "+fd00:0:0:0:0:0:0:5", "-fd00:0:0:0:0:0:0:1");
    }

    @Test
    void closingTheSubscriptionEndsTheLlq() throws Exception {
        Subscription subscription = watch("", true, 60);
        awaitMechanism(subscription, "llq-udp");
        subscription.close();
        Await.until("the LLQ deleted by a zero-lease refresh", () -> server.llqCount() == 0);
        awaitMechanism(subscription, "none");
    }
}
