package io.homeward.tunnel.internal;

import java.util.Collection;
import java.util.function.ToLongFunction;

/**
 * An immutable open-addressing map from a 128-bit key (two longs) to an SA, so the packet paths look an SA up
 * straight from packet bytes without allocating a key object.
 */
final class SaIndex {
    private final long[] highs;
    private final long[] lows;
    private final SecurityAssociation[] values;
    private final int mask;

    /** Indexes the SAs by the key halves; keys must be distinct. */
    SaIndex(Collection<SecurityAssociation> associations, ToLongFunction<SecurityAssociation> high,
            ToLongFunction<SecurityAssociation> low) {
        // At most half full, so every probe reaches an empty slot.
        int capacity = Integer.highestOneBit(Math.max(1, associations.size()) * 2) * 2;
        highs = new long[capacity];
        lows = new long[capacity];
        values = new SecurityAssociation[capacity];
        mask = capacity - 1;
        for (SecurityAssociation sa : associations) {
            long h = high.applyAsLong(sa);
            long l = low.applyAsLong(sa);
            int slot = slot(h, l);
            while (values[slot] != null) {
                slot = (slot + 1) & mask;
            }
            highs[slot] = h;
            lows[slot] = l;
            values[slot] = sa;
        }
    }

    /** The SA with this key, or null. */
    SecurityAssociation find(long high, long low) {
        int slot = slot(high, low);
        SecurityAssociation candidate;
        while ((candidate = values[slot]) != null) {
            if (highs[slot] == high && lows[slot] == low) {
                return candidate;
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    private int slot(long high, long low) {
        long mixed = (high * 0x9E37_79B9_7F4A_7C15L) ^ low;
        mixed *= 0xC2B2_AE3D_27D4_EB4FL;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }
}
