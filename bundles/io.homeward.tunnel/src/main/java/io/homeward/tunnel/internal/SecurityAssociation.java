package io.homeward.tunnel.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import io.homeward.api.sa.DropReason;
import io.homeward.api.sa.SaStatus;

/**
 * A pair of ESP SAs with one peer: its sealer (used only by the outbound thread), its opener (used only by the
 * inbound thread), the outer path to the peer that it shares with the peer's other pairs, and what the pair has
 * done. Each traffic counter has one writing thread and is readable from any; the drops, by reason, are atomic.
 */
final class SecurityAssociation {
    private static final DropReason[] REASONS = DropReason.values();

    private final Inet6Address peer;
    private final byte[] peerAddress;
    private final int inboundSpi;
    private final int outboundSpi;
    private final String suite;
    private final EspSealer sealer;
    private final EspOpener opener;
    private final OuterPath path;
    private final AtomicLongArray drops = new AtomicLongArray(REASONS.length);
    /** Set while the pair waits to become the sending pair on its first authenticated packet; a hint, see SaTable. */
    private volatile boolean awaitingFirstInbound;
    /**
     * Packets held for the peer before it had a pair, to go out on this one before any other; null once sent (or when
     * there were none). Set before the pair is published.
     */
    private volatile HeldPackets held;
    private volatile long packetsIn;
    private volatile long bytesIn;
    private volatile long packetsOut;
    private volatile long bytesOut;

    /**
     * @param path                 the outer path to the peer, shared by all its pairs
     * @param awaitingFirstInbound whether the pair is to send once a packet first authenticates on it
     */
    SecurityAssociation(Inet6Address peer, int inboundSpi, int outboundSpi, String suite, EspSealer sealer,
            EspOpener opener, OuterPath path, boolean awaitingFirstInbound) {
        this.peer = peer;
        this.peerAddress = peer.getAddress();
        this.inboundSpi = inboundSpi;
        this.outboundSpi = outboundSpi;
        this.suite = suite;
        this.sealer = sealer;
        this.opener = opener;
        this.path = path;
        this.awaitingFirstInbound = awaitingFirstInbound;
    }

    Inet6Address peer() {
        return peer;
    }

    /** Whether the 16 octets at {@code offset} are this peer's ULA. */
    boolean isPeer(byte[] buf, int offset) {
        return Arrays.equals(buf, offset, offset + Esp.IPV6_ADDRESS, peerAddress, 0, Esp.IPV6_ADDRESS);
    }

    int inboundSpi() {
        return inboundSpi;
    }

    int outboundSpi() {
        return outboundSpi;
    }

    String suite() {
        return suite;
    }

    EspSealer sealer() {
        return sealer;
    }

    EspOpener opener() {
        return opener;
    }

    /** The outer path to the peer, which every pair with the peer shares. */
    OuterPath path() {
        return path;
    }

    /** The peer's current outer endpoint, null until known. */
    InetSocketAddress endpoint() {
        return path.endpoint();
    }

    /** Whether the pair waits to become the sending pair on its first authenticated packet. */
    boolean awaitingFirstInbound() {
        return awaitingFirstInbound;
    }

    /** A packet authenticated on the pair: it waits no longer. */
    void firstInboundSeen() {
        awaitingFirstInbound = false;
    }

    /** The packets held for the peer that this pair is to send before any other, or null. */
    HeldPackets held() {
        return held;
    }

    /** Gives the pair the packets held for its peer, before the pair is published. */
    void sendFirst(HeldPackets packets) {
        held = packets;
    }

    /** The held packets went out (or were dropped): the pair sends as any other now. */
    void heldSent() {
        held = null;
    }

    /** Whether the pair uses Extended Sequence Numbers (RFC 4303 §2.2.1). */
    boolean esn() {
        return sealer.esn();
    }

    /** Whether the outbound SA has used its last sequence number and must be replaced (rekeyed). */
    boolean exhausted() {
        return sealer.exhausted();
    }

    // Single-writer counters: a volatile read-increment-write is enough and cheaper than an atomic.

    void sent(int innerLength, long nowNanos) {
        packetsOut++;
        bytesOut += innerLength;
        path.sent(nowNanos);
    }

    /** When this host last sent to the peer, on any of its pairs. */
    long lastSentNanos() {
        return path.lastSentNanos();
    }

    void received(int innerLength) {
        packetsIn++;
        bytesIn += innerLength;
    }

    /** Inbound and outbound drops both count here: the inbound and the outbound thread write it. */
    void dropped(DropReason reason) {
        drops.incrementAndGet(reason.ordinal());
    }

    long drops(DropReason reason) {
        return drops.get(reason.ordinal());
    }

    /** @param sending whether the pair is the peer's sending pair */
    SaStatus status(boolean sending) {
        Map<DropReason, Long> byReason = new EnumMap<>(DropReason.class);
        for (DropReason reason : REASONS) {
            byReason.put(reason, drops(reason));
        }
        return new SaStatus(peer, inboundSpi, outboundSpi, suite, path.endpoint(), packetsIn, bytesIn, packetsOut,
                bytesOut, byReason, esn(), sending);
    }
}
