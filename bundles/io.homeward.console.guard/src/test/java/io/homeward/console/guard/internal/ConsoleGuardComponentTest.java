package io.homeward.console.guard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class ConsoleGuardComponentTest {
    private static final String SELF = "http://127.0.0.1:8080";
    private final MutableClock clock = new MutableClock();
    private final RecordingLogger log = new RecordingLogger();

    @Test
    void guessingIsRefusedWhilePenalisedAndShownInTheReport() throws InterruptedException {
        ConsoleGuardComponent guard = new ConsoleGuardComponent(log.logger(), config("https://home.example"), clock);
        try {
            for (int i = 0; i < 4; i++) {
                guard.loginFailed("192.0.2.7");
            }
            assertEquals(Optional.of(Duration.ofSeconds(1)), guard.loginRefusal("192.0.2.7"));
            assertEquals(Optional.empty(), guard.loginRefusal("192.0.2.8"));
            assertEquals(Optional.of(Refusal.CROSS_ORIGIN), guard.judgeChange(SELF, "http://evil.example", null, true,
                    "POST", "/system/console/bundles/12", "192.0.2.9"));
            assertEquals(Optional.empty(), guard.judgeChange(SELF, "https://home.example", null, true,
                    "POST", "/system/console/bundles/12", "192.0.2.9"));
            assertEquals("Console guard (configuration PID io.homeward.console.guard)\n"
                    + "changes allowed from: the console's own origin and https://home.example:443 with the login's token\n"
                    + "logins: 3 free failures per address, then 1 s doubling up to 60 s\n"
                    + "changes accepted: 1\nchanges refused: 1 cross-origin, 0 without token\n"
                    + "last refused: 2026-01-01T00:00:00Z POST /system/console/bundles/12 from 192.0.2.9 (Origin http://evil.example): "
                    + Refusal.CROSS_ORIGIN.text() + "\n"
                    + "failed logins: 4\nlogins refused while penalised: 1\n"
                    + "penalised now:\n  192.0.2.7: 4 failures, 1 s left\n", guard.report());
        } finally {
            guard.deactivate();
        }
        assertTrue(log.has(LogLevel.WARN, "Console guard, before stopping: 4 failed logins from 1 address"), log.toString());
    }

    @Test
    void theTokenIsTheLoginsOwn() throws InterruptedException {
        ConsoleGuardComponent guard = new ConsoleGuardComponent(log.logger(), config(), clock);
        try {
            String token = guard.tokenFor("Basic YWRtaW46c2VjcmV0");
            assertTrue(guard.tokenMatches("Basic YWRtaW46c2VjcmV0", List.of(token)));
            assertEquals(false, guard.tokenMatches("Basic YWRtaW46b3RoZXI=", List.of(token)));
            assertTrue(guard.report().contains("penalised now: none\n"), guard.report());
        } finally {
            guard.deactivate();
        }
    }

    private static ConsoleGuardComponent.Config config(String... trusted) {
        return new ConsoleGuardComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ConsoleGuardComponent.Config.class;
            }

            @Override
            public String[] trustedOrigins() {
                return trusted;
            }

            @Override
            public int freeFailures() {
                return 3;
            }

            @Override
            public int firstPenaltySeconds() {
                return 1;
            }

            @Override
            public int longestPenaltySeconds() {
                return 60;
            }

            @Override
            public int forgetFailuresAfterMinutes() {
                return 15;
            }

            @Override
            public int summaryIntervalSeconds() {
                return 60;
            }
        };
    }
}
