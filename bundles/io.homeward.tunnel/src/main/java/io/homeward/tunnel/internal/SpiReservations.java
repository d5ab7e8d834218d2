package io.homeward.tunnel.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Inbound SPIs handed out for pairs still being negotiated (RFC 7296 §1.3: each end picks the SPI the other puts in
 * its packets). SPIs are random, so they say nothing about how many SAs this host has; a bounded number is held at
 * once, and a reservation nobody installed or gave back expires, so failed negotiations cannot use them all up. Not
 * thread-safe: the SA table's lock guards it.
 */
final class SpiReservations {
    /** More negotiations at once than any sane number of peers rekeying together. */
    static final int MAX_RESERVED = 4096;
    /** Far longer than an IKE exchange with its retransmissions takes (RFC 7296 §2.4). */
    static final long LIFETIME_NANOS = TimeUnit.MINUTES.toNanos(5);
    /** The first two octets of a STUN Binding success response (RFC 8489 §5: class success, method Binding). */
    static final int STUN_BINDING_SUCCESS = 0x0101;
    /** Draws before giving up: with at most a few thousand SPIs taken of 2^32, one draw practically always does. */
    private static final int MAX_DRAWS = 1000;

    private final RandomGenerator random;
    private final LongSupplier nanoTime;
    /** Reserved SPI to when it was reserved. */
    private final Map<Integer, Long> reservedAt = new HashMap<>();

    /** @param nanoTime a monotonic time source in nanoseconds */
    SpiReservations(RandomGenerator random, LongSupplier nanoTime) {
        this.random = random;
        this.nanoTime = nanoTime;
    }

    /**
     * Whether an inbound SPI may be used at all: not reserved by RFC 4303 §2.1 (0–255), and not starting 0x0101,
     * because ESP, STUN and keepalives share one UDP port and are told apart by their first octets: ESP whose SPI
     * starts like a STUN Binding success response would be taken for STUN.
     */
    static boolean assignable(int spi) {
        return Integer.compareUnsigned(spi, Esp.FIRST_ASSIGNABLE_SPI) >= 0 && spi >>> 16 != STUN_BINDING_SUCCESS;
    }

    /**
     * A random assignable SPI, neither reserved nor {@code installed}, reserved from now on.
     *
     * @throws IllegalStateException when {@link #MAX_RESERVED} SPIs are reserved, or the random source keeps giving
     *                               taken ones
     */
    int reserve(IntPredicate installed) {
        long now = nanoTime.getAsLong();
        reservedAt.values().removeIf(at -> now - at >= LIFETIME_NANOS);
        if (reservedAt.size() >= MAX_RESERVED) {
            throw new IllegalStateException(MAX_RESERVED + " inbound SPIs are reserved for negotiations in progress;"
                    + " no more until one is installed, released or expires after 5 minutes");
        }
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            int spi = random.nextInt();
            if (assignable(spi) && !installed.test(spi) && !reservedAt.containsKey(spi)) {
                reservedAt.put(spi, now);
                return spi;
            }
        }
        throw new IllegalStateException("the random source gave no free inbound SPI in " + MAX_DRAWS + " draws");
    }

    /** Ends the reservation of this SPI; returns false if it was not reserved. */
    boolean release(int spi) {
        return reservedAt.remove(spi) != null;
    }

    /** How many SPIs are reserved, expired ones not yet dropped included. */
    int size() {
        return reservedAt.size();
    }
}
