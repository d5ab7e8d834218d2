package io.homeward.tunnel.internal;

import java.net.Inet6Address;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The packets held for one destination while it has no SA pair, oldest first, each in a buffer of the hold's pool:
 * a ring of bounded capacity. While in the {@link KeyingHold} the hold's lock guards it; once a new pair took it,
 * its own monitor does (held by the thread that sends them on the pair).
 */
final class HeldPackets {
    private final Inet6Address destination;
    private final long high;
    private final long low;
    private final byte[][] buffers;
    private final int[] lengths;
    private final long[] heldAt;
    private int first;
    private int size;

    /** Packets for the destination whose 16 octets are at {@code offset}, at most {@code capacity} of them. */
    HeldPackets(byte[] packet, int offset, int capacity) {
        this.destination = address(Arrays.copyOfRange(packet, offset, offset + Esp.IPV6_ADDRESS));
        this.high = Bytes.getLong(packet, offset);
        this.low = Bytes.getLong(packet, offset + 8);
        this.buffers = new byte[capacity][];
        this.lengths = new int[capacity];
        this.heldAt = new long[capacity];
    }

    private static Inet6Address address(byte[] octets) {
        try {
            return Inet6Address.getByAddress(null, octets, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 octets are always an IPv6 address", e);
        }
    }

    Inet6Address destination() {
        return destination;
    }

    /** Whether these are the packets for the destination whose address halves these are. */
    boolean isFor(long destinationHigh, long destinationLow) {
        return high == destinationHigh && low == destinationLow;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return size == buffers.length;
    }

    /** Appends a packet already copied to {@code buffer[0, length)}. */
    void add(byte[] buffer, int length, long nowNanos) {
        int slot = (first + size) % buffers.length;
        buffers[slot] = buffer;
        lengths[slot] = length;
        heldAt[slot] = nowNanos;
        size++;
    }

    /** The i-th oldest packet's buffer. */
    byte[] buffer(int i) {
        return buffers[(first + i) % buffers.length];
    }

    int length(int i) {
        return lengths[(first + i) % buffers.length];
    }

    long heldAt(int i) {
        return heldAt[(first + i) % buffers.length];
    }

    /** Removes the oldest packet and gives back its buffer. */
    byte[] removeOldest() {
        byte[] buffer = buffers[first];
        buffers[first] = null;
        first = (first + 1) % buffers.length;
        size--;
        return buffer;
    }
}
