package io.homeward.kerberos.internal.replay;

/**
 * The authenticators of one ctime second that {@link ReplayCache} remembers: a set of their {@link ReplayKey}
 * hashes, open addressing with linear probing over pairs of longs, 16 octets a slot, first 4 slots, grown by doubling
 * past three quarters full (so more than three eighths full once grown) and dropped whole when the second leaves the
 * window. A slot keeps the key's first 127 bits: the
 * lowest bit of its second word is set, which marks the slot as used, so two authenticators are told apart unless
 * SHA-256 collides in 127 bits within one second. Not thread-safe: the cache guards it.
 */
final class SecondOfAuthenticators {
    private static final int FIRST_SLOTS = 4;
    private static final long USED = 1L;

    private long second;
    private long[] slots;
    private int size;

    SecondOfAuthenticators(long second) {
        this.second = second;
    }

    long second() {
        return second;
    }

    int size() {
        return size;
    }

    /** Forgets every authenticator and holds this second's from now on; the number forgotten. */
    int reuseFor(long newSecond) {
        int forgotten = size;
        second = newSecond;
        slots = null;
        size = 0;
        return forgotten;
    }

    boolean contains(ReplayKey key) {
        return slots != null && slots[find(slots, key.high(), key.midHigh() | USED) + 1] != 0;
    }

    /** Remembers a key not {@link #contains contained}. */
    void add(ReplayKey key) {
        if (slots == null) {
            slots = new long[2 * FIRST_SLOTS];
        } else if (4 * (size + 1) > 3 * (slots.length / 2)) {
            grow();
        }
        put(slots, key.high(), key.midHigh() | USED);
        size++;
    }

    /** Octets the slots take, for the memory bound (docs/kerberos.md "Replay cache"). */
    long slotOctets() {
        return slots == null ? 0 : 8L * slots.length;
    }

    private void grow() {
        long[] bigger = new long[2 * slots.length];
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i + 1] != 0) {
                put(bigger, slots[i], slots[i + 1]);
            }
        }
        slots = bigger;
    }

    private static void put(long[] table, long first, long second) {
        int at = find(table, first, second);
        table[at] = first;
        table[at + 1] = second;
    }

    /** The index of the slot holding the pair, or of the empty one where it belongs. */
    private static int find(long[] table, long first, long second) {
        int mask = table.length / 2 - 1;
        int slot = (int) (first ^ (first >>> 32)) & mask;
        while (table[2 * slot + 1] != 0 && (table[2 * slot] != first || table[2 * slot + 1] != second)) {
            slot = (slot + 1) & mask;
        }
        return 2 * slot;
    }
}
