package io.homeward.watcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

import io.homeward.api.watch.WatchMechanism;
import io.homeward.api.watch.WatchedRecord;
import io.homeward.kit.dns.Backoff;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;
import io.homeward.watcher.internal.session.MechanismSession;
import io.homeward.watcher.internal.session.SessionEvents;

class SubscriptionRunnerTest {
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_700_000_000_000L));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingListener listener = new RecordingListener();
    private final RecordingLogger log = new RecordingLogger();
    private final Map<WatchMechanism, String> behaviour = new HashMap<>();
    private final List<String> started = new ArrayList<>();
    private final List<SessionEvents> live = new ArrayList<>();
    private Set<WatchMechanism> forbidden = Set.of();

    /** Sessions that do what {@link #behaviour} says: "works", "refused" or "mismatch". */
    private final SessionSource sessions = (mechanism, name, type, events) -> {
        if (forbidden.contains(mechanism)) {
            return null;
        }
        return new MechanismSession() {
            @Override
            public void start() {
                started.add(mechanism.text());
                switch (behaviour.getOrDefault(mechanism, "refused")) {
                    case "works" -> {
                        live.add(events);
                        events.established();
                        events.answers(List.of(record("fd00::1")));
                    }
                    case "mismatch" -> events.failed("pin mismatch", 0, true);
                    default -> events.failed(mechanism + " refused", 0, false);
                }
            }

            @Override
            public void close() {
                started.add("closed " + mechanism);
            }
        };
    };

    private final SubscriptionRunner runner = new SubscriptionRunner(Name.fromConstantString("laptop.alice.example."),
            Type.AAAA, new WatchView(listener, log.logger()), Mechanisms.ALL, scheduler, clock,
            new Backoff(WatchEngine.FIRST_RETRY, WatchEngine.LONGEST_RETRY, new FixedRandom(0)), log.logger());

    private static WatchedRecord record(String address) {
        return new WatchedRecord("laptop.alice.example.", Type.AAAA, 120, address);
    }

    private SessionEvents current() {
        return live.get(live.size() - 1);
    }

    @Test
    void prefersDnsPush() {
        behaviour.put(WatchMechanism.DNS_PUSH, "works");
        runner.start(sessions);
        assertEquals("dns-push", runner.mechanism().text());
        assertEquals(List.of("dns-push"), started);
        assertEquals(List.of("+fd00::1"), listener.events);
    }

    @Test
    void aSubscriptionStartedByArrivingCredentialsIsNotStartedAgainBySubscribe() {
        behaviour.put(WatchMechanism.DNS_PUSH, "works");
        runner.startUnlessRunning(sessions);
        runner.startUnlessRunning(sessions);
        assertEquals(List.of("dns-push"), started, "one session, not a second one replacing the first");
        runner.restart();
        assertEquals(List.of("dns-push", "closed dns-push", "dns-push"), started, "a restart still restarts");
    }

    @Test
    void fallsBackInOrderUntilOneWorks() {
        behaviour.put(WatchMechanism.LLQ_UDP, "works");
        runner.start(sessions);
        assertEquals(List.of("dns-push", "llq-tls", "llq-udp"), started);
        assertEquals("llq-udp", runner.mechanism().text());
        assertEquals(2, log.count(LogLevel.INFO, "is not available"));
    }

    @Test
    void pollsWhenNothingElseWorksAndRetriesWithBackoffWhenNotEvenThat() {
        runner.start(sessions);
        assertEquals("none", runner.mechanism().text());
        assertEquals(List.of("dns-push", "llq-tls", "llq-udp", "poll"), started);
        assertEquals(1_000, scheduler.nextDelay().orElseThrow().toMillis());
        scheduler.advance(Duration.ofMillis(1_000));
        assertEquals(8, started.size());
        assertEquals(2_000, scheduler.nextDelay().orElseThrow().toMillis(), "exponential backoff");
        behaviour.put(WatchMechanism.POLL, "works");
        scheduler.advance(Duration.ofMillis(2_000));
        assertEquals("poll", runner.mechanism().text());
    }

    @Test
    void forbiddenMechanismsAreSkipped() {
        forbidden = Set.of(WatchMechanism.LLQ_UDP, WatchMechanism.POLL);
        behaviour.put(WatchMechanism.POLL, "works");
        runner.start(sessions);
        assertEquals(List.of("dns-push", "llq-tls"), started);
        assertEquals("none", runner.mechanism().text());
    }

    @Test
    void aPinMismatchIsLoggedAsAnError() {
        behaviour.put(WatchMechanism.DNS_PUSH, "mismatch");
        behaviour.put(WatchMechanism.LLQ_UDP, "works");
        runner.start(sessions);
        assertEquals(1, log.count(LogLevel.ERROR, "pin mismatch"));
        assertEquals("llq-udp", runner.mechanism().text());
    }

    @Test
    void aLostSessionIsReEstablishedAndOnlyDifferencesAreReported() {
        behaviour.put(WatchMechanism.DNS_PUSH, "works");
        runner.start(sessions);
        current().added(record("fd00::2"));
        current().failed("connection closed", 0, false);
        assertEquals("none", runner.mechanism().text());
        scheduler.advance(Duration.ofMillis(1_000));
        assertEquals("dns-push", runner.mechanism().text());
        assertEquals(List.of("+fd00::1", "+fd00::2", "-fd00::2"), listener.events);
    }

    @Test
    void anInterruptedSessionShowsNoneUntilItIsBackAndOneThatCannotComeBackFallsBack() {
        behaviour.put(WatchMechanism.DNS_PUSH, "works");
        runner.start(sessions);
        SessionEvents push = current();
        push.interrupted("connection reset");
        assertEquals("none", runner.mechanism().text());
        push.established();
        push.answers(List.of(record("fd00::1")));
        assertEquals("dns-push", runner.mechanism().text());
        assertEquals(List.of("dns-push"), started, "the session came back by itself: no new one");
        push.interrupted("connection reset");
        behaviour.put(WatchMechanism.LLQ_TLS, "works");
        push.failed("connection refused", 0, false);
        assertEquals("llq-tls", runner.mechanism().text(), "falls back at once, as when push is not available");
        assertEquals(List.of("+fd00::1"), listener.events);
        behaviour.put(WatchMechanism.LLQ_TLS, "refused");
        scheduler.advance(Duration.ofMillis(SubscriptionRunner.RECOVERY_UPGRADE_MILLIS));
        assertEquals("dns-push", runner.mechanism().text(), "and tries push again soon");
    }

    @Test
    void theServersRetryDelayIsHonoured() {
        behaviour.put(WatchMechanism.DNS_PUSH, "works");
        runner.start(sessions);
        current().failed("go away", 120_000, false);
        assertEquals(120_000, scheduler.nextDelay().orElseThrow().toMillis());
    }

    @Test
    void eventsOfAReplacedSessionAreIgnored() {
        behaviour.put(WatchMechanism.DNS_PUSH, "works");
        runner.start(sessions);
        SessionEvents old = current();
        runner.restart();
        old.added(record("fd00::9"));
        assertEquals(List.of("+fd00::1"), listener.events);
        assertTrue(started.contains("closed dns-push"));
    }

    @Test
    void aFallbackTriesThePreferredMechanismsAgainLater() {
        behaviour.put(WatchMechanism.LLQ_TLS, "works");
        runner.start(sessions);
        behaviour.put(WatchMechanism.DNS_PUSH, "works");
        scheduler.advance(Duration.ofMillis(SubscriptionRunner.UPGRADE_MILLIS));
        assertEquals("dns-push", runner.mechanism().text());
        assertEquals(List.of("+fd00::1"), listener.events, "the upgrade reports nothing that did not change");
    }

    @Test
    void afterLosingPushToAServerRestartTheFallbackTriesPushAgainSoonThenLessOften() {
        behaviour.put(WatchMechanism.DNS_PUSH, "works");
        runner.start(sessions);
        behaviour.put(WatchMechanism.DNS_PUSH, "refused");
        behaviour.put(WatchMechanism.POLL, "works");
        current().failed("connection reset", 0, false);
        scheduler.advance(Duration.ofMillis(1_000));
        assertEquals("poll", runner.mechanism().text());
        scheduler.advance(Duration.ofMillis(SubscriptionRunner.RECOVERY_UPGRADE_MILLIS));
        assertEquals("poll", runner.mechanism().text(), "still down: back to polling");
        assertEquals(2 * SubscriptionRunner.RECOVERY_UPGRADE_MILLIS, scheduler.nextDelay().orElseThrow().toMillis(), "then less often");
        behaviour.put(WatchMechanism.DNS_PUSH, "works");
        scheduler.advance(Duration.ofMillis(2 * SubscriptionRunner.RECOVERY_UPGRADE_MILLIS));
        assertEquals("dns-push", runner.mechanism().text());
        assertEquals(List.of("+fd00::1"), listener.events);
    }

    @Test
    void stoppingKeepsTheViewAndReportsNone() {
        behaviour.put(WatchMechanism.DNS_PUSH, "works");
        runner.start(sessions);
        runner.stop();
        assertEquals("none", runner.mechanism().text());
        assertEquals(List.of("+fd00::1"), listener.events);
        assertTrue(scheduler.nextDelay().isEmpty());
    }
}
