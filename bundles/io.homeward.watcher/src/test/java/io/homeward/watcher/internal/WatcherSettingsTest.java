package io.homeward.watcher.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeward.api.watch.WatchMechanism;

class WatcherSettingsTest {
    private static final String[] ALL = {"dns-push", "llq-tls", "llq-udp", "poll"};

    @Test
    void parsesHostPortAndIpv6() {
        assertEquals(8053, WatcherSettings.of("127.0.0.1:8053", "", 60, 7200, ALL, true).server().getPort());
        assertEquals("::1", WatcherSettings.hostAndPort("[::1]:53").getHostString());
    }

    @Test
    void keepsTheMechanismOrderAndDropsDuplicates() {
        WatcherSettings settings = WatcherSettings.of("h:1", "", 60, 7200, new String[] {"LLQ-UDP", "poll", "llq-udp"},
                false);
        assertEquals(List.of(WatchMechanism.LLQ_UDP, WatchMechanism.POLL), settings.mechanisms());
        assertEquals(60_000, settings.pollIntervalMillis());
    }

    @Test
    void explainsWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> WatcherSettings.of("nohost", "", 60, 7200, ALL, true)).getMessage().contains("host:port"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> WatcherSettings.of("h:1", "", 60, 7200, new String[] {"carrier-pigeon"}, true))
                .getMessage().contains("carrier-pigeon"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> WatcherSettings.of("h:1", "", 0, 7200, ALL, true)).getMessage().contains("pollInterval"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> WatcherSettings.of("h:99999", "", 60, 7200, ALL, true)).getMessage().contains("port"));
    }
}
