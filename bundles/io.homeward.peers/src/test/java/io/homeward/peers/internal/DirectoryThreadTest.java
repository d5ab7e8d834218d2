package io.homeward.peers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.TestCredentials;

/** The component on its own thread, as it runs in the framework: changes arrive from the watcher's threads. */
class DirectoryThreadTest {
    private static final String ZONE = "alice.members.example.";

    @Test
    void followsPeersOnItsOwnThreadAndStopsItOnDeactivation() throws InterruptedException {
        RecordingLogger log = new RecordingLogger();
        FakeWatcher watcher = new FakeWatcher();
        RecordingPeerListener listener = new RecordingPeerListener();
        PeerDirectoryComponent directory = new PeerDirectoryComponent(log.logger(),
                new ExecutorScheduler("homeward-peers-test", log.logger()), Clock.systemUTC(), Duration.ofMillis(20));
        directory.addListener(listener);
        directory.bindWatcher(watcher);
        directory.bindCredentials(TestCredentials.of("alice", ZONE));

        watcher.add("_homeward._udp." + ZONE, Type.PTR, "laptop." + ZONE);
        watcher.add("laptop." + ZONE, Type.AAAA, "fd00::2");
        watcher.add("_autotunnel._udp.laptop." + ZONE, Type.SRV, "0 0 4500 t." + ZONE);
        watcher.add("t." + ZONE, Type.A, "203.0.113.7");
        assertTrue(within(Duration.ofSeconds(10), () -> directory.peers().size() == 1
                && directory.peers().get(0).endpoint().isPresent()), "the peer was assembled");

        directory.deactivate();

        assertEquals(List.of(), watcher.watched());
        assertEquals(List.of(), directory.peers());
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("homeward-peers-test") && t.isAlive()), "the thread stopped");
        assertTrue(listener.events().size() >= 2, "arrival and departure were told");
    }

    /** Polls every 10 ms, at most for {@code limit}. */
    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
