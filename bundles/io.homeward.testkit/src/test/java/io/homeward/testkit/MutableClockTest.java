package io.homeward.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void standsStillUntilMoved() {
        MutableClock clock = new MutableClock();
        assertEquals(MutableClock.DEFAULT_START, clock.instant());
        assertEquals(MutableClock.DEFAULT_START, clock.instant());
        assertEquals(MutableClock.DEFAULT_START.toEpochMilli(), clock.millis());
    }

    @Test
    void advancesAndIsSetByTheTest() {
        MutableClock clock = new MutableClock(Instant.parse("2026-05-01T12:00:00Z"));
        clock.advance(Duration.ofMinutes(90));
        assertEquals(Instant.parse("2026-05-01T13:30:00Z"), clock.instant());
        clock.set(Instant.parse("2025-12-31T23:59:59Z"));
        assertEquals(Instant.parse("2025-12-31T23:59:59Z"), clock.instant(), "a test may also move it back");
    }

    @Test
    void isUtcAndSharesItsTimeWithEveryZone() {
        MutableClock clock = new MutableClock();
        assertEquals(ZoneOffset.UTC, clock.getZone());
        java.time.Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofSeconds(5));
        assertEquals(clock.instant(), paris.instant());
    }
}
