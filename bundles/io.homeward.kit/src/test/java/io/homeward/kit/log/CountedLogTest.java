package io.homeward.kit.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

class CountedLogTest {
    private final List<String> lines = new ArrayList<>();
    private final Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                if (method.getName().equals("info")) {
                    String line = (String) args[0];
                    for (Object argument : (Object[]) args[1]) {
                        line = line.replaceFirst("\\{}", String.valueOf(argument));
                    }
                    lines.add(line);
                }
                return null;
            });
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    private final CountedLog counted = new CountedLog(log, clock, Duration.ofSeconds(60));

    @Test
    void aFloodLogsTheFirstEventAndOneSummaryPerInterval() throws Exception {
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");
        for (int i = 0; i < 413; i++) {
            counted.info("refused UPDATEs", i % 2 == 0 ? a : b, "Refused an unsigned UPDATE for {} from {}", "zone", i);
            now = now.plusMillis(100);
        }
        assertEquals(List.of("Refused an unsigned UPDATE for zone from 0"), lines);

        now = Instant.parse("2026-01-01T00:01:00Z");
        counted.info("refused UPDATEs", a, "Refused an unsigned UPDATE for {} from {}", "zone", "again");

        assertEquals(3, lines.size());
        assertEquals("412 more refused UPDATEs from 2 addresses in the 60 s from 2026-01-01T00:00:00Z", lines.get(1));
        assertEquals("Refused an unsigned UPDATE for zone from again", lines.get(2));
    }

    @Test
    void kindsAreCountedApartAndFlushWritesEndedWindowsOnly() throws Exception {
        InetAddress a = InetAddress.getByName("2001:db8::1");
        counted.info("TSIG failures", a, "TSIG failure {}", 1);
        counted.info("refused LLQs", a, "refused LLQ {}", 1);
        counted.info("TSIG failures", a, "TSIG failure {}", 2);
        counted.flush();
        assertEquals(List.of("TSIG failure 1", "refused LLQ 1"), lines);

        now = now.plusSeconds(61);
        counted.flush();
        assertEquals(List.of("TSIG failure 1", "refused LLQ 1",
                "1 more TSIG failures from 1 address in the 60 s from 2026-01-01T00:00:00Z"), lines);
        counted.flush();
        assertEquals(3, lines.size(), "a window is summarised once");
        counted.info("TSIG failures", a, "TSIG failure {}", 3);
        assertEquals("TSIG failure 3", lines.get(3));
    }

    @Test
    void addressesBeyondTheCapAreReportedAsAtLeast() throws Exception {
        byte[] v6 = InetAddress.getByName("2001:db8::").getAddress();
        counted.info("refused UPDATEs", InetAddress.getByAddress(v6), "first");
        for (int i = 1; i <= CountedLog.MAX_ADDRESSES + 10; i++) {
            v6[14] = (byte) (i >> 8);
            v6[15] = (byte) i;
            counted.info("refused UPDATEs", InetAddress.getByAddress(v6), "never logged");
        }
        now = now.plusSeconds(60);
        counted.flush();
        assertTrue(lines.get(1).startsWith(CountedLog.MAX_ADDRESSES + 10 + " more refused UPDATEs from at least "
                + CountedLog.MAX_ADDRESSES + " addresses"), lines.toString());
    }
}
