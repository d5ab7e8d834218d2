package io.homeward.netwatch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkChange.Kind;

/** The child process side, with a stand-in program so that no root is needed. */
class IpMonitorTest {
    private final BlockingQueue<NetworkChange> changes = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> ended = new LinkedBlockingQueue<>();

    @Test
    void linesBecomeChangesAndTheEndOfTheProcessIsReportedWithItsLastWords() throws Exception {
        IpMonitor monitor = new IpMonitor(List.of("sh", "-c",
                "echo '3: v0    inet 10.1.1.1/24 scope global v0'; echo 'Cannot open netlink socket' >&2; exit 3"),
                Clock.systemUTC());
        EventSource.Running running = monitor.start(changes::add, ended::add);
        try {
            String reason = ended.poll(10, TimeUnit.SECONDS);
            assertNotNull(reason, "the end of the process is reported");
            assertTrue(reason.contains("exited with code 3"), reason);
            assertTrue(reason.contains("Cannot open netlink socket"), reason);
            NetworkChange c = changes.poll();
            assertNotNull(c);
            assertEquals(Kind.ADDRESS_ADDED, c.kind());
            assertEquals("10.1.1.1/24 added on v0", c.detail());
        } finally {
            running.stop();
        }
    }

    @Test
    void aStoppedMonitorIsNotReportedAsEnded() throws Exception {
        EventSource.Running running = new IpMonitor(List.of("sleep", "30"), Clock.systemUTC())
                .start(changes::add, ended::add);
        running.stop();
        assertEquals(null, ended.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void aMissingProgramCannotStart() {
        IpMonitor monitor = new IpMonitor(IpMonitor.command("/nonexistent/homeward-no-ip"), Clock.systemUTC());
        IOException e = assertThrows(IOException.class, () -> monitor.start(changes::add, ended::add));
        assertTrue(e.getMessage().contains("/nonexistent/homeward-no-ip"), e.getMessage());
        assertEquals("/nonexistent/homeward-no-ip -o monitor link address route", monitor.describe());
    }
}
