package io.homeward.tunnel.internal;

import java.util.concurrent.TimeUnit;

/**
 * How much the tunnel holds for destinations being keyed on demand (docs/architecture.md, on-demand keying): packets
 * per destination, for how long, how many destinations at once, and the buffer memory, counted in buffers each as
 * long as the longest packet the interface passes.
 *
 * @param packetsPerPeer packets held for one destination; more are dropped
 * @param maxAgeNanos    how long a packet may wait; older ones are dropped
 * @param peers          destinations held for at once
 * @param buffers        packet buffers in all, {@value #BUFFER_BYTES} bytes' worth
 * @param bufferLength   the length of one buffer: the longest packet that can be held
 */
record HoldLimits(int packetsPerPeer, long maxAgeNanos, int peers, int buffers, int bufferLength) {
    /** Destinations held for at once. */
    static final int PEERS = 64;
    /** The memory of the held packets' buffers. */
    static final int BUFFER_BYTES = 512 * 1024;
    static final int MAX_PACKETS_PER_PEER = 1024;
    static final int MAX_SECONDS = 120;
    /** The longest packet a TUN device hands over (IPv6 without jumbograms). */
    private static final int LONGEST_PACKET = 65_535;

    static final int DEFAULT_PACKETS_PER_PEER = 32;
    static final int DEFAULT_SECONDS = 8;
    /** The configuration's defaults on a 1500-octet path. */
    static final HoldLimits DEFAULT = of(DEFAULT_PACKETS_PER_PEER, DEFAULT_SECONDS, 1500);

    /**
     * @param outerMtu the outer path MTU: the interface MTU derived from it never exceeds it or IPv6's 1280
     * @throws IllegalArgumentException naming the setting that is out of range
     */
    static HoldLimits of(int packetsPerPeer, int seconds, int outerMtu) {
        if (packetsPerPeer < 1 || packetsPerPeer > MAX_PACKETS_PER_PEER) {
            throw new IllegalArgumentException("holdPacketsPerPeer must be 1.." + MAX_PACKETS_PER_PEER + ", got "
                    + packetsPerPeer);
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("holdSeconds must be 1.." + MAX_SECONDS + ", got " + seconds);
        }
        int bufferLength = Math.min(LONGEST_PACKET, Math.max(TunnelMtu.IPV6_MINIMUM, outerMtu));
        return new HoldLimits(packetsPerPeer, TimeUnit.SECONDS.toNanos(seconds), PEERS, BUFFER_BYTES / bufferLength,
                bufferLength);
    }

    /** Whole seconds a packet may wait. */
    long seconds() {
        return TimeUnit.NANOSECONDS.toSeconds(maxAgeNanos);
    }
}
