package io.homeward.tunnel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.homeward.api.sa.SaSpec;

class ReplayWindowTest {
    private static final int SIZE = SaSpec.MAX_REPLAY_WINDOW;

    private final ReplayWindow window = new ReplayWindow(SIZE);

    private boolean accept(long sequence) {
        return accept(window, sequence);
    }

    private static boolean accept(ReplayWindow window, long sequence) {
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
        long oldestAccepted = 10_000 - SIZE + 1;
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
        assertTrue(accept(100 + SIZE + 50));
        assertFalse(window.check(100));
        long justInside = 100 + 50 + 1;
        assertTrue(accept(justInside));
    }

    @Test
    void aJumpWithinTheWindowForgetsTheRingSlotsItReuses() {
        for (long s = 1; s <= SIZE; s++) {
            accept(s);
        }
        // Numbers SIZE+1..SIZE+10 reuse the ring slots of 1..10; they must read as unseen.
        assertTrue(accept(SIZE + 20));
        for (long s = SIZE + 1; s < SIZE + 20; s++) {
            assertTrue(accept(s), "sequence " + s);
        }
        assertFalse(window.check(20));
        assertFalse(window.check(SIZE));
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

    @ParameterizedTest
    @ValueSource(ints = {32, 64, 100, 1000, 4096})
    void acceptsEachNumberOnceOnlyWithinItsSizeBelowTheHighest(int size) {
        ReplayWindow sized = new ReplayWindow(size);
        long top = 10_000;
        assertTrue(accept(sized, top));

        assertFalse(sized.check(top - size), "one below the window");
        for (long s = top - size + 1; s < top; s++) {
            assertTrue(accept(sized, s), "sequence " + s);
            assertFalse(sized.check(s), "sequence " + s + " again");
        }
        // Sliding by half the window reuses ring slots of numbers now below it: the new numbers read as unseen.
        long slid = top + size / 2;
        assertTrue(accept(sized, slid));
        for (long s = top + 1; s < slid; s++) {
            assertTrue(accept(sized, s), "sequence " + s);
        }
        assertFalse(sized.check(slid - size));
        assertFalse(sized.check(top), "still inside the window, and seen");
    }

    @Test
    void aSmallWindowTakesALowHalfBelowItForTheNextSubspace() {
        ReplayWindow small = new ReplayWindow(SaSpec.MIN_REPLAY_WINDOW);
        accept(small, 0x5_0000_8000L);

        assertEquals(0x5_0000_7FE1L, small.extend(0x7FE1), "the bottom of a 32-number window");
        assertEquals(0x6_0000_7FE0L, small.extend(0x7FE0), "below the window means the next subspace");
    }
}
