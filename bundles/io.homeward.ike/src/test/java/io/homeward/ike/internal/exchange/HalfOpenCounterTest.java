package io.homeward.ike.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

/** When the responder asks for cookies and when it takes no more half-open SAs (RFC 7296 §2.6). */
class HalfOpenCounterTest {
    private final InetAddress one = InetAddress.getLoopbackAddress();
    private final InetAddress other;

    HalfOpenCounterTest() throws Exception {
        other = InetAddress.getByName("192.0.2.7");
    }

    @Test
    void cookiesFromTheThresholdInAll() {
        HalfOpenCounter counter = new HalfOpenCounter(2, 10, 5);
        counter.opened(one);
        assertFalse(counter.cookieRequired(other));
        counter.opened(one);

        assertTrue(counter.cookieRequired(other));
        counter.closed(one);
        assertFalse(counter.cookieRequired(other));
    }

    @Test
    void cookiesFromTheThresholdOfOneSource() {
        HalfOpenCounter counter = new HalfOpenCounter(30, 3, 100);
        for (int i = 0; i < 3; i++) {
            counter.opened(one);
        }

        assertTrue(counter.cookieRequired(one));
        assertFalse(counter.cookieRequired(other));
    }

    @Test
    void theLimitAdmitsNoMore() {
        HalfOpenCounter counter = new HalfOpenCounter(0, 0, 2);
        counter.opened(one);
        assertTrue(counter.admits());
        counter.opened(other);

        assertFalse(counter.admits());
        assertEquals(2, counter.total());
    }

    @Test
    void closingWhatWasNotOpenedCountsNothing() {
        HalfOpenCounter counter = new HalfOpenCounter(1, 1, 10);
        counter.closed(one);
        counter.opened(other);
        counter.closed(one);

        assertEquals(1, counter.total());
        counter.closed(other);
        assertEquals(0, counter.total());
    }
}
