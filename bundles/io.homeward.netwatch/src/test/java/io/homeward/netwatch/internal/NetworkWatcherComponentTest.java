package io.homeward.netwatch.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.testkit.RecordingLogger;

/** The component on the real host: it starts, reads the network, and leaves no thread behind. */
class NetworkWatcherComponentTest {

    @Test
    void withoutAnIpCommandItPollsAndStopsCleanly() throws Exception {
        RecordingLogger log = new RecordingLogger();
        NetworkWatcherComponent watcher = new NetworkWatcherComponent(config(Map.of("ipCommand", "")), log.logger());
        try {
            for (int i = 0; i < 100 && !watcher.status().source().startsWith("polling"); i++) {
                Thread.sleep(50);
            }
            assertTrue(watcher.status().source().startsWith("polling every 1000 ms"), watcher.status().source());
            assertFalse(watcher.status().snapshot().interfaces().isEmpty(), "a host has at least a loopback interface");
            assertTrue(log.has(LogLevel.WARN, "no ip command is configured"), log.toString());
        } finally {
            watcher.deactivate();
        }
        // A pool reports termination just before its last thread has quite finished exiting.
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("homeward-netwatch")) {
                t.join(2000);
                assertFalse(t.isAlive(), "the watcher's thread " + t.getName() + " is gone");
            }
        }
    }

    private static NetworkWatcherComponent.Config config(Map<String, Object> values) {
        return (NetworkWatcherComponent.Config) Proxy.newProxyInstance(NetworkWatcherComponent.Config.class.getClassLoader(),
                new Class<?>[] {NetworkWatcherComponent.Config.class}, (proxy, method, args) ->
                        values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue());
    }
}
