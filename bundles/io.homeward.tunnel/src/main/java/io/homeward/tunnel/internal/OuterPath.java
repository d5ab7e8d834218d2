package io.homeward.tunnel.internal;

import java.net.InetSocketAddress;

/**
 * The outer UDP path to one peer, which every SA pair with the peer shares: the peer's current endpoint, which an
 * authenticated packet on any pair moves (RFC 7296 §2.23), and when this host last sent to it, whatever the pair,
 * which the NAT keepalives count from (RFC 3948 §4).
 */
final class OuterPath {
    private volatile InetSocketAddress endpoint;
    private volatile long lastSentNanos;
    /** The endpoint the peer was said to have left (directory, MOBIKE), and until when its packets do not move it back. */
    private volatile InetSocketAddress left;
    private volatile long leftUntilNanos;

    /**
     * @param endpoint     the peer's outer endpoint, null until known
     * @param createdNanos the time source's reading now: the keepalive interval counts from here
     */
    OuterPath(InetSocketAddress endpoint, long createdNanos) {
        this.endpoint = endpoint;
        this.lastSentNanos = createdNanos;
    }

    InetSocketAddress endpoint() {
        return endpoint;
    }

    void endpoint(InetSocketAddress moved) {
        endpoint = moved;
    }

    /** The peer was said to have left {@code previous}: until {@code untilNanos} its packets from there are stragglers. */
    void left(InetSocketAddress previous, long untilNanos) {
        left = previous;
        leftUntilNanos = untilNanos;
    }

    /** Whether a packet from {@code from} comes from the endpoint the peer was just said to have left. */
    boolean justLeft(InetSocketAddress from, long nowNanos) {
        return from.equals(left) && nowNanos - leftUntilNanos < 0;
    }

    /** A packet or a NAT keepalive went out; the outbound and keepalive threads may race, and either time is right. */
    void sent(long nowNanos) {
        lastSentNanos = nowNanos;
    }

    long lastSentNanos() {
        return lastSentNanos;
    }
}
