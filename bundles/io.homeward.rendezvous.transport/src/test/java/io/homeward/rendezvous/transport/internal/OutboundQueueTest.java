package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    @Test
    void framesEachMessageWithItsLength() {
        OutboundQueue queue = new OutboundQueue(1000);
        assertTrue(queue.offer(Messages.query(5, 20)));
        ByteBuffer frame = queue.peek();
        assertEquals(22, frame.remaining());
        assertEquals(20, frame.getShort(0));
        assertEquals(5, frame.getShort(2));
    }

    @Test
    void refusesAMessageThatWouldExceedTheLimitAndFreesSpaceAsFramesAreWritten() {
        OutboundQueue queue = new OutboundQueue(50);
        assertTrue(queue.offer(Messages.query(1, 20)));
        assertTrue(queue.offer(Messages.query(2, 20)));
        assertFalse(queue.offer(Messages.query(3, 20)));
        assertEquals(44, queue.bytes());
        queue.removeHead();
        assertEquals(22, queue.bytes());
        assertTrue(queue.offer(Messages.query(3, 20)));
    }

    @Test
    void wantsMoreOfASeriesOnlyWhileTheLargestMessageStillFits() {
        OutboundQueue queue = new OutboundQueue(100_000);
        assertTrue(queue.wantsMore());
        queue.add(Messages.query(1, 30_000));
        assertTrue(queue.wantsMore(), "30,002 + 65,537 bytes fit");
        queue.add(Messages.query(2, 30_000));
        assertFalse(queue.wantsMore());
        queue.removeHead();
        queue.removeHead();
        assertTrue(queue.wantsMore());
    }

    @Test
    void aQueueSmallerThanOneMessageStillTakesASeriesOneMessageAtATime() {
        OutboundQueue queue = new OutboundQueue(1000);
        assertTrue(queue.wantsMore());
        queue.add(Messages.query(1, 5000));
        assertFalse(queue.wantsMore());
    }
}
