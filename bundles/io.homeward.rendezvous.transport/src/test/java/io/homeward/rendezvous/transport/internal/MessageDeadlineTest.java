package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Times are milliseconds of a fake clock. */
class MessageDeadlineTest {
    private final MessageDeadline deadline = new MessageDeadline(10_000, 1_000);

    @Test
    void theFirstMessageIsDueFromTheConnectionsOpening() {
        assertFalse(deadline.expired(10_999));
        deadline.afterInput(false, 5_000);
        assertTrue(deadline.expired(11_000), "opened, said nothing whole (or only part of a TLS handshake) for 10 s");
    }

    @Test
    void aTrickleOfBytesDoesNotResetTheDeadline() {
        deadline.completed();
        for (long t = 20_000; t < 30_000; t += 1_000) {
            deadline.afterInput(true, t);
            assertFalse(deadline.expired(t));
        }
        assertTrue(deadline.expired(30_000), "one byte a second: the message is overdue 10 s after its first byte");
    }

    @Test
    void aQuietConnectionBetweenMessagesHasNoDeadline() {
        deadline.completed();
        deadline.afterInput(false, 2_000);
        assertFalse(deadline.expired(1_000_000), "an idle session is left to the idle timeout");
        deadline.afterInput(true, 1_000_000);
        deadline.completed();
        deadline.afterInput(false, 1_000_500);
        assertFalse(deadline.expired(2_000_000), "a keepalive that arrived whole leaves no deadline running");
    }

    @Test
    void theNextMessageStartingInTheSameReadStartsTheClockAgain() {
        deadline.completed();
        deadline.afterInput(true, 50_000);
        assertFalse(deadline.expired(59_999));
        assertTrue(deadline.expired(60_000));
    }
}
