package io.homeward.autotunnel.internal;

import static io.homeward.autotunnel.internal.AutotunnelTest.HOME;
import static io.homeward.autotunnel.internal.AutotunnelTest.HOME_AT;
import static io.homeward.autotunnel.internal.AutotunnelTest.peer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.testkit.RecordingLogger;

class AutotunnelComponentTest {
    private final FakeSaDatabase database = new FakeSaDatabase();
    private final FakeKeying keying = new FakeKeying();

    private static AutotunnelComponent.Config config(KeyingMode mode, long idleSeconds, String... eagerHosts) {
        return new AutotunnelComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AutotunnelComponent.Config.class;
            }

            @Override
            public KeyingMode mode() {
                return mode;
            }

            @Override
            public String[] eagerHosts() {
                return eagerHosts;
            }

            @Override
            public long idleSeconds() {
                return idleSeconds;
            }
        };
    }

    private static boolean threadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("homeward-autotunnel") && t.isAlive());
    }

    @Test
    void itKeysOnDemandOnItsOwnThreadAndDeactivatingReleasesTheListenerAndTheThread() throws Exception {
        AutotunnelComponent component = new AutotunnelComponent(new RecordingLogger().logger(), database, keying,
                config(KeyingMode.ON_DEMAND, 600));
        assertEquals(1, database.listeners.size());
        component.peerChanged(Optional.empty(), Optional.of(peer("home", HOME, Optional.of(HOME_AT))));

        database.sendTo(HOME);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (keying.keyed.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of(HOME), keying.keyed);
        assertTrue(threadAlive());
        assertTrue(component.report().text().contains("home (fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c): no tunnel"),
                component.report().text());

        component.deactivate();

        assertTrue(database.listeners.isEmpty());
        assertFalse(threadAlive());
    }

    @Test
    void aBadConfigurationFailsActivationWithoutAThreadOrAListener() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AutotunnelComponent(
                new RecordingLogger().logger(), database, keying, config(KeyingMode.EAGER, -5)));

        assertTrue(e.getMessage().startsWith("idleSeconds must be"), e.getMessage());
        assertTrue(database.listeners.isEmpty());
        assertFalse(threadAlive());
    }
}
