package io.homeward.tunnel.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.osgi.service.log.Logger;

/**
 * Packets to destinations without an SA pair, held while the destination is keyed on demand (docs/architecture.md,
 * on-demand keying) and then sent on its first pair. Bounded by {@link HoldLimits}: packets per destination,
 * their age, destinations at once and buffer memory; a packet beyond a bound is dropped and counted in
 * {@link TunnelDrops} with that bound as its reason, and so is a packet that waited too long. Packets are copied into
 * buffers of one pool, taken as needed up to the memory bound and reused, so holding allocates only when a
 * destination starts waiting or the pool grows. Every method but {@link #send} runs under this hold's lock.
 */
final class KeyingHold {
    /** Where {@link #send} hands each held packet that is still fresh. */
    @FunctionalInterface
    interface HeldSink {
        void send(byte[] packet, int length) throws IOException;
    }

    /** Packets waiting for a destination's keying, and since when the oldest waits. */
    record Waiting(Inet6Address destination, int packets, Duration waited) {
    }

    private final HoldLimits limits;
    private final LongSupplier nanoTime;
    private final TunnelDrops drops;
    private final Logger log;
    private final List<HeldPackets> byDestination = new ArrayList<>(HoldLimits.PEERS);
    private final ArrayDeque<byte[]> spareBuffers = new ArrayDeque<>();
    private int buffersInUse;
    private long held;
    private long sent;

    /** @param nanoTime a monotonic time source in nanoseconds */
    KeyingHold(HoldLimits limits, LongSupplier nanoTime, TunnelDrops drops, Logger log) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.drops = drops;
        this.log = log;
    }

    HoldLimits limits() {
        return limits;
    }

    /**
     * Holds a copy of the IPv6 packet {@code packet[offset, offset+length)}, or drops and counts it when a bound is
     * reached.
     *
     * @return the packet's destination when it is the first its destination holds (the destination starts waiting),
     *         else null
     */
    synchronized Inet6Address add(byte[] packet, int offset, int length) {
        long now = nanoTime.getAsLong();
        if (length > limits.bufferLength()) {
            drops.count(TunnelDrops.Reason.HOLD_TOO_BIG);
            return null;
        }
        int destination = offset + Esp.IPV6_DESTINATION;
        HeldPackets waiting = find(Bytes.getLong(packet, destination), Bytes.getLong(packet, destination + 8));
        if (waiting == null && byDestination.size() >= limits.peers()) {
            expire(now);
            if (byDestination.size() >= limits.peers()) {
                drops.count(TunnelDrops.Reason.HOLD_TOO_MANY_PEERS);
                return null;
            }
        }
        if (waiting != null) {
            expire(waiting, now);
            if (waiting.isFull()) {
                drops.count(TunnelDrops.Reason.HOLD_PEER_FULL);
                return null;
            }
        }
        byte[] buffer = takeBuffer();
        if (buffer == null) {
            drops.count(TunnelDrops.Reason.HOLD_FULL);
            return null;
        }
        System.arraycopy(packet, offset, buffer, 0, length);
        boolean starts = waiting == null || waiting.isEmpty();
        if (waiting == null) {
            waiting = new HeldPackets(packet, destination, limits.packetsPerPeer());
            byDestination.add(waiting);
        }
        waiting.add(buffer, length, now);
        held++;
        return starts ? waiting.destination() : null;
    }

    /** Takes the packets held for the peer out of this hold, for its first pair to {@link #send}; null if none. */
    synchronized HeldPackets take(Inet6Address peer) {
        byte[] address = peer.getAddress();
        HeldPackets waiting = find(Bytes.getLong(address, 0), Bytes.getLong(address, 8));
        if (waiting != null) {
            byDestination.remove(waiting);
        }
        return waiting;
    }

    /**
     * Hands the packets taken by {@link #take} to the sink, oldest first, but drops those that waited too long;
     * then gives their buffers back. The caller holds {@code taken}'s monitor; a packet whose send fails is counted.
     */
    void send(HeldPackets taken, HeldSink sink) {
        long now = nanoTime.getAsLong();
        int handed = 0;
        int tooOld = 0;
        try {
            for (int i = 0; i < taken.size(); i++) {
                if (now - taken.heldAt(i) > limits.maxAgeNanos()) {
                    drops.count(TunnelDrops.Reason.HELD_TOO_LONG);
                    tooOld++;
                    continue;
                }
                try {
                    sink.send(taken.buffer(i), taken.length(i));
                    handed++;
                } catch (IOException e) {
                    drops.count(TunnelDrops.Reason.IO_FAILURE);
                }
            }
        } finally {
            giveBack(taken, handed);
        }
        if (handed + tooOld > 0) {
            log.info("Sent {} packet{} that waited for keying with {}{}", handed, handed == 1 ? "" : "s",
                    taken.destination().getHostAddress(), tooOld == 0 ? "" : "; " + tooOld + " had waited too long");
        }
    }

    private synchronized void giveBack(HeldPackets taken, int handed) {
        while (!taken.isEmpty()) {
            giveBack(taken.removeOldest());
        }
        sent += handed;
    }

    /** Drops the packets that waited too long; a destination left with none stops waiting. Returns how many. */
    synchronized int expire() {
        return expire(nanoTime.getAsLong());
    }

    private int expire(long now) {
        int dropped = 0;
        for (int i = byDestination.size() - 1; i >= 0; i--) {
            HeldPackets waiting = byDestination.get(i);
            dropped += expire(waiting, now);
            if (waiting.isEmpty()) {
                byDestination.remove(i);
            }
        }
        return dropped;
    }

    private int expire(HeldPackets waiting, long now) {
        int dropped = 0;
        while (!waiting.isEmpty() && now - waiting.heldAt(0) > limits.maxAgeNanos()) {
            giveBack(waiting.removeOldest());
            drops.count(TunnelDrops.Reason.HELD_TOO_LONG);
            dropped++;
        }
        return dropped;
    }

    /** Drops every held packet, counted as given up, and the spare buffers. Returns how many packets. */
    synchronized int clear() {
        int dropped = 0;
        for (HeldPackets waiting : byDestination) {
            while (!waiting.isEmpty()) {
                giveBack(waiting.removeOldest());
                drops.count(TunnelDrops.Reason.HOLD_GIVEN_UP);
                dropped++;
            }
        }
        byDestination.clear();
        spareBuffers.clear();
        return dropped;
    }

    /** The destinations waiting, in the order they started, after dropping the packets that waited too long. */
    synchronized List<Waiting> waiting() {
        long now = nanoTime.getAsLong();
        expire(now);
        return byDestination.stream().map(w -> new Waiting(w.destination(), w.size(),
                Duration.ofNanos(now - w.heldAt(0)))).toList();
    }

    /** Packets held since the start. */
    synchronized long held() {
        return held;
    }

    /** Held packets handed to a new SA pair since the start. */
    synchronized long sent() {
        return sent;
    }

    /** Buffers holding packets now, or being sent. */
    synchronized int buffersInUse() {
        return buffersInUse;
    }

    private HeldPackets find(long high, long low) {
        for (int i = 0; i < byDestination.size(); i++) {
            HeldPackets waiting = byDestination.get(i);
            if (waiting.isFor(high, low)) {
                return waiting;
            }
        }
        return null;
    }

    /** A buffer from the pool, or null when the memory bound is reached. */
    private byte[] takeBuffer() {
        if (buffersInUse >= limits.buffers()) {
            return null;
        }
        buffersInUse++;
        byte[] spare = spareBuffers.poll();
        return spare != null ? spare : new byte[limits.bufferLength()];
    }

    private void giveBack(byte[] buffer) {
        buffersInUse--;
        spareBuffers.push(buffer);
    }
}
