package io.homeward.tunnel.internal;

import java.util.Arrays;

/**
 * The receiver's anti-replay window of RFC 4303 §3.4.3 over 64-bit sequence numbers: the highest authenticated
 * number and a 4096-bit ring of which of the numbers below it were seen. {@link #check} before decrypting,
 * {@link #update} only after the packet authenticated. Without Extended Sequence Numbers the numbers are the 32 bits
 * on the wire and never pass 2^32 − 1, so the window never wraps. Used by the one inbound thread of an SA.
 */
final class ReplayWindow {
    static final int SIZE = 4096;
    private static final long LOW_32 = 0xFFFF_FFFFL;

    private final long[] seen = new long[SIZE / Long.SIZE];
    /** Unsigned; 0 until the first packet authenticates (0 is never a valid sequence number). */
    private long highest;

    /** Whether a packet with this (full, unsigned) sequence number may be new: not 0, not too old, not seen. */
    boolean check(long sequence) {
        if (sequence == 0) {
            return false;
        }
        if (Long.compareUnsigned(sequence, highest) > 0) {
            return true;
        }
        return Long.compareUnsigned(highest - sequence, SIZE) < 0 && !isSeen(sequence);
    }

    /** Records an authenticated sequence number that passed {@link #check}, sliding the window if it is new. */
    void update(long sequence) {
        if (Long.compareUnsigned(sequence, highest) > 0) {
            if (Long.compareUnsigned(sequence - highest, SIZE) >= 0) {
                Arrays.fill(seen, 0);
            } else {
                for (long forgotten = highest + 1; forgotten != sequence; forgotten++) {
                    seen[word(forgotten)] &= ~bit(forgotten);
                }
            }
            highest = sequence;
        } else if (Long.compareUnsigned(highest - sequence, SIZE) >= 0) {
            return;
        }
        seen[word(sequence)] |= bit(sequence);
    }

    /**
     * The full 64-bit sequence number of a packet carrying these low 32 bits with Extended Sequence Numbers:
     * the high half is inferred from where the window stands (RFC 4303 Appendix A2.2). A wrong guess only
     * makes the ICV fail, because the high half is part of the AAD.
     */
    long extend(int wireLow) {
        long low = wireLow & LOW_32;
        long windowTopHigh = highest >>> 32;
        long windowTopLow = highest & LOW_32;
        long windowBottomLow = (windowTopLow - SIZE + 1) & LOW_32;
        long high;
        if (windowTopLow >= SIZE - 1) {
            // Case A: the window lies within one 2^32 subspace.
            high = low >= windowBottomLow ? windowTopHigh : windowTopHigh + 1;
        } else {
            // Case B: the window spans two subspaces; before the first wrap there is no lower subspace.
            high = low >= windowBottomLow && windowTopHigh > 0 ? windowTopHigh - 1 : windowTopHigh;
        }
        return high << 32 | low;
    }

    /** The highest authenticated sequence number, 0 before the first. */
    long highest() {
        return highest;
    }

    private boolean isSeen(long sequence) {
        return (seen[word(sequence)] & bit(sequence)) != 0;
    }

    private static int word(long sequence) {
        return (int) ((sequence & (SIZE - 1)) >>> 6);
    }

    private static long bit(long sequence) {
        return 1L << (sequence & 63);
    }
}
