package io.homeward.ike.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** strongSwan's retransmission schedule (ikev2.md §7). */
class RetransmissionTest {

    @Test
    void fourSecondsTimesOnePointEightToTheNFiveTimes() {
        Retransmission schedule = Retransmission.STRONGSWAN;

        assertEquals(Duration.ofMillis(4000), schedule.wait(1));
        assertEquals(Duration.ofMillis(7200), schedule.wait(2));
        assertEquals(Duration.ofMillis(12960), schedule.wait(3));
        assertEquals(Duration.ofMillis(75583), schedule.wait(6));
        assertTrue(schedule.again(5));
        assertFalse(schedule.again(6));
    }
}
