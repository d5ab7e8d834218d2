package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class RejectLogTest {

    @Test
    void logsEachClientAtMostOncePerInterval() throws Exception {
        RecordingLogger log = new RecordingLogger();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        RejectLog rejects = new RejectLog(clock, Duration.ofMinutes(1), log.logger());
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        rejects.rejected(a, "TCP port 1", "too many");
        rejects.rejected(a, "TCP port 1", "too many");
        rejects.rejected(b, "TCP port 1", "too many");
        assertEquals(2, log.count(LogLevel.WARN, "refused a connection"));
        clock.advance(Duration.ofSeconds(59));
        rejects.rejected(a, "TCP port 1", "too many");
        assertEquals(2, log.count(LogLevel.WARN, "refused a connection"));
        clock.advance(Duration.ofSeconds(2));
        rejects.rejected(a, "TCP port 1", "too many");
        assertEquals(3, log.count(LogLevel.WARN, "refused a connection"));
        assertEquals(5, rejects.rejectedCount());
    }

    @Test
    void aFloodFromMoreAddressesThanRememberedLogsBoundedLines() throws Exception {
        RecordingLogger log = new RecordingLogger();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        RejectLog rejects = new RejectLog(clock, Duration.ofMinutes(1), log.logger());
        byte[] v6 = InetAddress.getByName("2001:db8::").getAddress();
        for (int i = 0; i < 20_000; i++) {
            v6[13] = (byte) (i >> 16);
            v6[14] = (byte) (i >> 8);
            v6[15] = (byte) i;
            rejects.rejected(InetAddress.getByAddress(v6), "TCP port 1", "too many");
        }
        assertTrue(log.lines().size() <= 4096 + 1, log.lines().size() + " lines");
        clock.advance(Duration.ofSeconds(61));
        rejects.rejected(InetAddress.getByName("192.0.2.1"), "TCP port 1", "too many");
        assertTrue(log.has(LogLevel.INFO, "more refused connections from addresses beyond the 4096 remembered"),
                log.lines().subList(log.lines().size() - 2, log.lines().size()).toString());
        assertEquals(20_001, rejects.rejectedCount());
    }
}
