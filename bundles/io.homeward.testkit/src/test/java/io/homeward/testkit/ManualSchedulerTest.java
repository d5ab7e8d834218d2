package io.homeward.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsWorkAtOnceAndWorkQueuedByWorkAfterIt() {
        scheduler.execute(() -> {
            scheduler.execute(() -> ran.add("queued"));
            ran.add("first");
        });
        assertEquals(List.of("first", "queued"), ran);
    }

    @Test
    void timersRunAtTheirDueTimeWhenTheClockPassesThem() {
        scheduler.schedule(() -> ran.add("at " + clock.instant()), Duration.ofSeconds(30));
        scheduler.schedule(() -> ran.add("never"), Duration.ofSeconds(10)).cancel();
        assertEquals(Optional.of(Duration.ofSeconds(30)), scheduler.nextDelay());

        scheduler.advance(Duration.ofMinutes(1));

        assertEquals(List.of("at " + MutableClock.DEFAULT_START.plusSeconds(30)), ran);
        assertEquals(MutableClock.DEFAULT_START.plusSeconds(60), clock.instant());
        assertEquals(Optional.empty(), scheduler.nextDelay());
        assertEquals(0, scheduler.pending());
    }

    @Test
    void aTimerOverdueBecauseTheTestMovedTheClockRunsLateWithoutTurningTheClockBack() {
        scheduler.schedule(() -> ran.add("at " + clock.instant()), Duration.ofSeconds(30));
        Instant late = MutableClock.DEFAULT_START.plusSeconds(90);
        clock.set(late);

        scheduler.runDue();

        assertEquals(List.of("at " + late), ran);
        assertEquals(late, clock.instant());
    }
}
