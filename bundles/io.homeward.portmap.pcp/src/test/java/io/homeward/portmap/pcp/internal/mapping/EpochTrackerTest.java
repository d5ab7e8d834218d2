package io.homeward.portmap.pcp.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.homeward.api.portmap.MapperProtocol;

class EpochTrackerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final EpochTracker tracker = new EpochTracker();

    @Test
    void aGatewayClockRunningUpToAnEighthSlowIsFineForNatPmp() {
        assertFalse(tracker.stateLost(MapperProtocol.NAT_PMP, 1000, T0));
        assertFalse(tracker.stateLost(MapperProtocol.NAT_PMP, 1000 + 880, T0.plusSeconds(1000)));
    }

    @Test
    void anEpochThatFellBehindMeansTheNatPmpGatewayLostItsMappings() {
        tracker.stateLost(MapperProtocol.NAT_PMP, 1000, T0);
        assertTrue(tracker.stateLost(MapperProtocol.NAT_PMP, 1000 + 500, T0.plusSeconds(1000)));
    }

    @Test
    void anEpochGoingBackwardsMeansAReboot() {
        tracker.stateLost(MapperProtocol.PCP, 5000, T0);
        assertTrue(tracker.stateLost(MapperProtocol.PCP, 3, T0.plusSeconds(10)));
    }

    @Test
    void pcpAlsoNoticesAServerEpochRunningFarAhead() {
        tracker.stateLost(MapperProtocol.PCP, 100, T0);
        assertFalse(tracker.stateLost(MapperProtocol.PCP, 160, T0.plusSeconds(60)));
        assertTrue(tracker.stateLost(MapperProtocol.PCP, 10_000, T0.plusSeconds(120)));
    }

    @Test
    void theFirstObservationAndOneAfterResetAreNeverALoss() {
        assertFalse(tracker.stateLost(MapperProtocol.PCP, 5000, T0));
        tracker.reset();
        assertFalse(tracker.stateLost(MapperProtocol.PCP, 1, T0.plusSeconds(10)));
    }
}
