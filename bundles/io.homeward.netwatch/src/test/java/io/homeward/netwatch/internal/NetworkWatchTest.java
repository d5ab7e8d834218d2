package io.homeward.netwatch.internal;

import static io.homeward.netwatch.internal.Snapshots.of;
import static io.homeward.netwatch.internal.Snapshots.up;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChange.Kind;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class NetworkWatchTest {
    private static final Duration COLLAPSE = Duration.ofMillis(200);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final NetworkSnapshot HOME = of(List.of("via 192.168.1.1 dev eth0"), up("eth0", "192.168.1.20/24"));
    private static final NetworkSnapshot CAFE = of(List.of("via 10.0.0.1 dev eth0"), up("eth0", "10.0.0.7/24"));

    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakeSnapshotSource snapshots = new FakeSnapshotSource(HOME);
    private final FakeEventSource events = new FakeEventSource();
    private final RecordingLogger log = new RecordingLogger();
    private final List<NetworkChange> heard = new ArrayList<>();

    private NetworkWatch watch(EventSource source) {
        NetworkWatch w = new NetworkWatch(snapshots, source, scheduler, clock, COLLAPSE, POLL, heard::add, log.logger());
        w.start();
        return w;
    }

    @Test
    void theNetworkAtStartIsTheBaselineAndNotAChange() {
        NetworkWatch w = watch(events);
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(List.of(), heard);
        assertEquals(HOME, w.status().snapshot());
        assertEquals("fake monitor", w.status().source());
    }

    @Test
    void aBurstOfEventsIsConfirmedOnceAndDeliveredAsOneNotificationPerKind() {
        NetworkWatch w = watch(events);
        int takesBefore = snapshots.takes;
        snapshots.set(CAFE);
        events.emit(Kind.ADDRESS_REMOVED);
        scheduler.advance(Duration.ofMillis(50));
        events.emit(Kind.ADDRESS_ADDED);
        events.emit(Kind.DEFAULT_ROUTE_CHANGED);
        events.emit(Kind.DEFAULT_ROUTE_CHANGED);
        scheduler.advance(Duration.ofMillis(149));
        assertEquals(List.of(), heard, "nothing before the collapse window has passed");
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(List.of(Kind.ADDRESS_ADDED, Kind.ADDRESS_REMOVED, Kind.DEFAULT_ROUTE_CHANGED),
                heard.stream().map(NetworkChange::kind).toList());
        assertEquals("10.0.0.7/24 added on eth0", heard.get(0).detail());
        assertEquals(clock.instant(), heard.get(0).seen());
        assertEquals(takesBefore + 1, snapshots.takes, "one fresh look confirms the whole burst");
        assertEquals(heard, w.status().lastChanges());
        assertEquals(CAFE, w.status().snapshot());
    }

    @Test
    void anEventTheSnapshotDoesNotConfirmIsNotDelivered() {
        watch(events);
        events.emit(Kind.LINK_UP);
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), heard);
    }

    @Test
    void aSecondBurstAfterTheWindowIsASecondNotification() {
        watch(events);
        snapshots.set(CAFE);
        events.emit(Kind.ADDRESS_ADDED);
        scheduler.advance(COLLAPSE);
        snapshots.set(HOME);
        events.emit(Kind.ADDRESS_ADDED);
        scheduler.advance(COLLAPSE);
        assertEquals(6, heard.size());
        assertEquals("192.168.1.20/24 added on eth0", heard.get(3).detail());
    }

    @Test
    void whenIpIsMissingItPollsAndSaysWhyOnlyOnce() {
        NetworkWatch w = watch(new IpMonitor(IpMonitor.command("/nonexistent/homeward-no-ip"), clock));
        assertTrue(w.status().source().startsWith("polling every 1000 ms"), w.status().source());
        snapshots.set(CAFE);
        scheduler.advance(POLL);
        assertEquals(3, heard.size());
        scheduler.advance(Duration.ofMinutes(30));
        assertEquals(1, log.count(LogLevel.WARN, "/nonexistent/homeward-no-ip"), log.toString());
        assertEquals(3, heard.size());
    }

    @Test
    void aDyingMonitorIsCoveredByPollingAndRestartedWithBackoff() {
        NetworkWatch w = watch(events);
        events.die("fake monitor exited with code 1");
        assertTrue(w.status().source().contains("exited with code 1"), w.status().source());
        snapshots.set(CAFE);
        scheduler.advance(Duration.ofMillis(999));
        assertEquals(List.of(), heard);
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(3, heard.size(), "the poll notices what happened while the monitor was down");
        assertEquals(2, events.starts, "restarted after one second");
        assertEquals("fake monitor", w.status().source());
        events.die("fake monitor exited with code 1");
        scheduler.advance(Duration.ofMillis(1999));
        assertEquals(2, events.starts);
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(3, events.starts, "the second restart waits twice as long");
        assertTrue(log.has(LogLevel.INFO, "follows fake monitor again"), log.toString());
    }

    @Test
    void anUnreadableNetworkIsLoggedOnceAndDoesNotStopTheWatch() {
        NetworkWatch w = watch(events);
        snapshots.failWith(new IOException("permission denied"));
        for (int i = 0; i < 5; i++) {
            events.emit(Kind.ADDRESS_ADDED);
            scheduler.advance(COLLAPSE);
        }
        assertEquals(1, log.count(LogLevel.WARN, "permission denied"));
        snapshots.failWith(null);
        snapshots.set(CAFE);
        events.emit(Kind.ADDRESS_ADDED);
        scheduler.advance(COLLAPSE);
        assertEquals(3, heard.size());
        assertEquals(CAFE, w.status().snapshot());
    }

    @Test
    void afterStopTheMonitorIsStoppedAndNothingIsDelivered() {
        NetworkWatch w = watch(events);
        snapshots.set(CAFE);
        events.emit(Kind.ADDRESS_ADDED);
        w.stop();
        assertEquals(1, events.stops);
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), heard);
        assertEquals(0, scheduler.pending());
    }
}
