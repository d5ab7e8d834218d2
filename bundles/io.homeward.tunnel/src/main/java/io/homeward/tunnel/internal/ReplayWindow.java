package io.homeward.tunnel.internal;

import java.util.Arrays;

/**
 * The receiver's anti-replay window of RFC 4303 §3.4.3 over 64-bit sequence numbers: the highest authenticated
 * number and a ring of bits, at least as long as the window, of which of the numbers below it were seen.
 * {@link #check} before decrypting, {@link #update} only after the packet authenticated. Without Extended Sequence
 * Numbers the numbers are the 32 bits on the wire and never pass 2^32 − 1, so the window never wraps. Used by the one
 * inbound thread of an SA.
 */
final class ReplayWindow {
    private static final long LOW_32 = 0xFFFF_FFFFL;

    /** How many numbers, the highest included, are accepted once: the highest and {@code size − 1} below it. */
    private final int size;
    /** A power of two of at least {@link #size} bits, so the slot of a number is its low bits. */
    private final int ringBits;
    private final long[] seen;
    /** Unsigned; 0 until the first packet authenticates (0 is never a valid sequence number). */
    private long highest;

    /** @param size the window, {@link io.homeward.api.sa.SaSpec#MIN_REPLAY_WINDOW} or more */
    ReplayWindow(int size) {
        this.size = size;
        this.ringBits = Math.max(Long.SIZE, Integer.highestOneBit(size - 1) << 1);
        this.seen = new long[ringBits / Long.SIZE];
    }

    /** Whether a packet with this (full, unsigned) sequence number may be new: not 0, not too old, not seen. */
    boolean check(long sequence) {
        if (sequence == 0) {
            return false;
        }
        if (Long.compareUnsigned(sequence, highest) > 0) {
            return true;
        }
        return Long.compareUnsigned(highest - sequence, size) < 0 && !isSeen(sequence);
    }

    /** Records an authenticated sequence number that passed {@link #check}, sliding the window if it is new. */
    void update(long sequence) {
        if (Long.compareUnsigned(sequence, highest) > 0) {
            if (Long.compareUnsigned(sequence - highest, ringBits) >= 0) {
                Arrays.fill(seen, 0);
            } else {
                for (long forgotten = highest + 1; forgotten != sequence; forgotten++) {
                    seen[word(forgotten)] &= ~bit(forgotten);
                }
            }
            highest = sequence;
        } else if (Long.compareUnsigned(highest - sequence, size) >= 0) {
            return;
        }
        seen[word(sequence)] |= bit(sequence);
    }

    /**
     * The full 64-bit sequence number of a packet carrying these low 32 bits with Extended Sequence Numbers:
     * the high half is inferred from where the window stands (RFC 4303 Appendix A2.2, W being the window size). A
     * wrong guess only makes the ICV fail, because the high half is part of the AAD.
     */
    long extend(int wireLow) {
        long low = wireLow & LOW_32;
        long windowTopHigh = highest >>> 32;
        long windowTopLow = highest & LOW_32;
        long windowBottomLow = (windowTopLow - size + 1) & LOW_32;
        long high;
        if (windowTopLow >= size - 1) {
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

    /** How many numbers the window accepts: the highest and those less than this far below it. */
    int size() {
        return size;
    }

    private boolean isSeen(long sequence) {
        return (seen[word(sequence)] & bit(sequence)) != 0;
    }

    private int word(long sequence) {
        return (int) ((sequence & (ringBits - 1)) >>> 6);
    }

    private static long bit(long sequence) {
        return 1L << (sequence & 63);
    }
}
