package io.homeward.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TimeTextTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:05:00Z");

    @Test
    void futureInstantsAreCountedDownInTheTwoLargestUnits() {
        assertEquals("in 1 h 12 min", TimeText.relative(NOW, NOW.plusSeconds(4350)));
        assertEquals("in 1 h", TimeText.relative(NOW, NOW.plusSeconds(3630)));
        assertEquals("in 2 d 3 h", TimeText.relative(NOW, NOW.plus(Duration.ofHours(51).plusMinutes(59))));
        assertEquals("in 1 min 30 s", TimeText.relative(NOW, NOW.plusSeconds(90)));
        assertEquals("in 59 s", TimeText.relative(NOW, NOW.plusSeconds(59)));
    }

    @Test
    void pastInstantsSayAgoAndTheCurrentSecondIsNow() {
        assertEquals("3 min ago", TimeText.relative(NOW, NOW.minusSeconds(180)));
        assertEquals("1 d ago", TimeText.relative(NOW, NOW.minus(Duration.ofDays(1))));
        assertEquals("now", TimeText.relative(NOW, NOW.plusMillis(999)));
        assertEquals("now", TimeText.relative(NOW, NOW.minusMillis(999)));
    }

    @Test
    void aLeaseShowsTheInstantAndWhatIsLeftOrThatThereIsNone() {
        assertEquals("2026-11-21T11:17:30Z (in 1 h 12 min)", TimeText.lease(NOW, Optional.of(NOW.plusSeconds(4350)), "no lease"));
        assertEquals("2026-11-21T10:02:00Z (expired 3 min ago)", TimeText.lease(NOW, Optional.of(NOW.minusSeconds(180)), "x"));
        assertEquals("no lease", TimeText.lease(NOW, Optional.empty(), TimeText.NO_LEASE));
    }

    @Test
    void instantsAreUtcToTheSecond() {
        assertEquals("2026-11-21T10:05:00Z", TimeText.instant(NOW.plusMillis(750)));
        assertEquals("none", TimeText.lastEvent(NOW, Optional.empty()));
        assertEquals("2026-11-21T10:04:15Z (45 s ago)", TimeText.lastEvent(NOW, Optional.of(NOW.minusSeconds(45))));
    }

    @Test
    void agoIsInTheLargestWholeUnit() {
        assertEquals("0 s ago", TimeText.ago(NOW.plusSeconds(5), NOW));
        assertEquals("59 s ago", TimeText.ago(NOW.minusSeconds(59), NOW));
        assertEquals("2 h ago", TimeText.ago(NOW.minusSeconds(7300), NOW));
        assertEquals("3 d ago", TimeText.ago(NOW.minusSeconds(3 * 86_400 + 5), NOW));
    }
}
