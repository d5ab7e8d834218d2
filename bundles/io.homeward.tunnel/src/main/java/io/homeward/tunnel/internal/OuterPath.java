package io.homeward.tunnel.internal;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The outer UDP path to one peer, which every SA pair with the peer shares: the peer's current endpoint, which an
 * authenticated packet on any pair moves (RFC 7296 §2.23), and when this host last sent to it, whatever the pair,
 * which the NAT keepalives count from (RFC 3948 §4).
 */
final class OuterPath {
    private volatile InetSocketAddress endpoint;
    private volatile long lastSentNanos;
    /**
     * A packet from the endpoint the peer was said to have left (directory, MOBIKE) does not move it back before
     * {@link #leftUntilNanos}, nor while the endpoint it was said to be at is heard from: a gateway may go on sending
     * from its old address for seconds (3.1 s seen in the lab). It moves the peer back once the current endpoint sent
     * nothing for this long.
     */
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);

    private volatile InetSocketAddress left;
    private volatile long leftUntilNanos;
    /**
     * Whether an authentic packet came from the current endpoint since the last straggler (a flag, so the inbound
     * path reads no clock per packet), and when that straggler came.
     */
    private volatile boolean heard;
    private volatile long lastStragglerNanos;

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

    /** The peer is at {@code moved} now; nothing was heard from there yet. */
    void endpoint(InetSocketAddress moved) {
        endpoint = moved;
        heard = false;
    }

    /** An authentic packet came from the current endpoint. */
    void heard() {
        if (!heard) {
            heard = true;
        }
    }

    /**
     * The peer was said to have left {@code previous}: until {@code untilNanos} its packets from there are
     * stragglers, and after that while the current endpoint is heard from.
     */
    void left(InetSocketAddress previous, long untilNanos) {
        left = previous;
        leftUntilNanos = untilNanos;
        heard = false;
        lastStragglerNanos = untilNanos - QUIET_NANOS;
    }

    /**
     * Whether a packet from {@code from} is a straggler: it comes from the endpoint the peer was said to have left,
     * within the settling time, or the current endpoint was heard from since the last straggler, or that straggler
     * came less than {@link #QUIET_NANOS} ago (the current endpoint has not been quiet that long).
     */
    boolean justLeft(InetSocketAddress from, long nowNanos) {
        if (!from.equals(left)) {
            return false;
        }
        if (nowNanos - leftUntilNanos < 0) {
            return true;
        }
        if (heard) {
            heard = false;
            lastStragglerNanos = nowNanos;
            return true;
        }
        return nowNanos - lastStragglerNanos < QUIET_NANOS;
    }

    /** A packet or a NAT keepalive went out; the outbound and keepalive threads may race, and either time is right. */
    void sent(long nowNanos) {
        lastSentNanos = nowNanos;
    }

    long lastSentNanos() {
        return lastSentNanos;
    }
}
