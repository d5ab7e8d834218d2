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
        /** Outbound: to a ULA with no SA pair installed, while nothing keys on demand (no packet is held). */
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
        IO_FAILURE("I/O failures"),
        /** Outbound, held for keying: waited longer than the hold allows. */
        HELD_TOO_LONG("waited too long for keying"),
        /** Outbound, for keying: the destination already has as many packets held as the hold allows. */
        HOLD_PEER_FULL("hold full for the peer"),
        /** Outbound, for keying: as many destinations wait as the hold allows. */
        HOLD_TOO_MANY_PEERS("too many peers waiting for keying"),
        /** Outbound, for keying: the hold's buffer memory is used up. */
        HOLD_FULL("hold out of memory"),
        /** Outbound, for keying: longer than the longest packet the hold takes. */
        HOLD_TOO_BIG("too big to hold"),
        /** Outbound, held for keying: dropped when the last keying listener left or the tunnel stopped. */
        HOLD_GIVEN_UP("held when keying stopped");

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
