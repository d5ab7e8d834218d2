package io.homeward.tunnel.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import io.homeward.api.sa.SaStatus;

/**
 * The tunnel's drops that no SA pair can be charged with; an SA pair counts its own in its {@link SaStatus}. Any
 * thread may count, and counting allocates nothing.
 */
final class TunnelDrops {
    enum Reason {
        /** Outbound: to a ULA with no SA pair installed. */
        NO_SA("no SA"),
        /** Outbound: read from the interface, but not an IPv6 packet. */
        NOT_IPV6("not IPv6"),
        /** Inbound: ESP with an SPI no SA pair has. */
        UNKNOWN_SPI("unknown SPI"),
        /** Inbound: too short to hold an SPI and a sequence number. */
        RUNT("runts"),
        /** Inbound: opened while there was no interface to write it to. */
        NO_INTERFACE("no interface"),
        /** A TUN write or a UDP send failed. */
        IO_FAILURE("I/O failures");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** How {@code homeward:tunnels} names it. */
        String label() {
            return label;
        }
    }

    private static final Reason[] REASONS = Reason.values();

    private final AtomicLongArray counts = new AtomicLongArray(REASONS.length);

    void count(Reason reason) {
        counts.incrementAndGet(reason.ordinal());
    }

    long of(Reason reason) {
        return counts.get(reason.ordinal());
    }

    /** Every reason, zero included, in the order of {@link Reason}. */
    Map<Reason, Long> byReason() {
        Map<Reason, Long> all = new EnumMap<>(Reason.class);
        for (Reason reason : REASONS) {
            all.put(reason, of(reason));
        }
        return all;
    }
}
