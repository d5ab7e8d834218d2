package io.homeward.tunnel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {
    private final ReplayWindow window = new ReplayWindow();

    private boolean accept(long sequence) {
        if (!window.check(sequence)) {
            return false;
        }
        window.update(sequence);
        return true;
    }

    @Test
    void sequenceNumberZeroIsNeverAccepted() {
        assertFalse(window.check(0));
        accept(10);
        assertFalse(window.check(0));
    }

    @Test
    void acceptsEachNumberOnceInAnyOrderWithinTheWindow() {
        assertTrue(accept(5));
        assertTrue(accept(3));
        assertTrue(accept(4));
        assertFalse(accept(3));
        assertFalse(accept(5));
        assertTrue(accept(1));
        assertTrue(accept(6));
        assertFalse(accept(4));
    }

    @Test
    void rejectsNumbersThatFellOutOfTheWindow() {
        accept(10_000);
        long oldestAccepted = 10_000 - ReplayWindow.SIZE + 1;
        assertFalse(window.check(oldestAccepted - 1));
        assertTrue(accept(oldestAccepted));
        assertFalse(accept(oldestAccepted));
    }

    @Test
    void aCheckAloneDoesNotMarkANumberAsSeen() {
        assertTrue(window.check(7));
        assertTrue(window.check(7));
        assertEquals(0, window.highest());
    }

    @Test
    void aJumpLargerThanTheWindowForgetsEverythingBehindIt() {
        for (long s = 1; s <= 100; s++) {
            accept(s);
        }
        assertTrue(accept(100 + ReplayWindow.SIZE + 50));
        assertFalse(window.check(100));
        long justInside = 100 + 50 + 1;
        assertTrue(accept(justInside));
    }

    @Test
    void aJumpWithinTheWindowForgetsTheRingSlotsItReuses() {
        for (long s = 1; s <= ReplayWindow.SIZE; s++) {
            accept(s);
        }
        // Numbers SIZE+1..SIZE+10 reuse the ring slots of 1..10; they must read as unseen.
        assertTrue(accept(ReplayWindow.SIZE + 20));
        for (long s = ReplayWindow.SIZE + 1; s < ReplayWindow.SIZE + 20; s++) {
            assertTrue(accept(s), "sequence " + s);
        }
        assertFalse(window.check(20));
        assertFalse(window.check(ReplayWindow.SIZE));
    }

    @Test
    void extendsTheLowHalfAcrossTheThirtyTwoBitWrap() {
        assertEquals(1, window.extend(1));
        assertEquals(0xFFFF_FFF0L, window.extend(0xFFFF_FFF0), "before any wrap there is no lower subspace");
        accept(0xFFFF_FFFEL);

        assertEquals(0x1_0000_0000L, window.extend(0));
        assertEquals(0x1_0000_0002L, window.extend(2));
        assertEquals(0xFFFF_FFFFL, window.extend(0xFFFF_FFFF));
        assertTrue(accept(0x1_0000_0002L));

        // The window now spans both subspaces: late packets from below the wrap keep their high half.
        assertEquals(0xFFFF_FFFDL, window.extend(0xFFFF_FFFD));
        assertTrue(accept(0xFFFF_FFFFL));
        assertTrue(accept(0x1_0000_0000L));
        assertFalse(accept(window.extend(0xFFFF_FFFE)));
        assertEquals(0x1_0000_0003L, window.extend(3));
    }

    @Test
    void extendsWithinOneSubspaceFarFromTheWrap() {
        accept(0x5_0000_8000L);
        assertEquals(0x5_0000_7001L, window.extend(0x7001));
        assertEquals(0x6_0000_7000L, window.extend(0x7000), "below the window means the next subspace");
        assertEquals(0x5_FFFF_0000L, window.extend(0xFFFF_0000));
    }
}
