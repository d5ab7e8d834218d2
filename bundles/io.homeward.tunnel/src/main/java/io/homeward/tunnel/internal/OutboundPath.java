package io.homeward.tunnel.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.function.LongSupplier;

import io.homeward.api.sa.DropReason;

/**
 * Inner IPv6 packets read from the TUN device out as ESP-in-UDP to the peer their destination names, on that peer's
 * sending SA pair (RFC 4303 tunnel mode, RFC 3948: the UDP payload is the ESP packet). Runs on the TUN reader thread
 * and seals every packet into one reused buffer: nothing is allocated per packet. Drops are counted on the SA
 * pair, or in the table's {@link TunnelDrops} when no pair can be charged.
 * <p>
 * A packet for a destination without a pair goes to the table, which holds it while something keys on demand. The
 * first pair for the destination takes the held packets; they go out on it, oldest first, before any other packet on
 * it: the installing thread sends them at once, and a packet the TUN reader sends on the new pair meanwhile first
 * waits for them, or sends them itself if it is first — whoever holds the held packets' monitor sends them all, on
 * its own buffer. So packets to a destination leave in the order the TUN reader read them (less those dropped). Only
 * then does the pair's sealer go back to the TUN reader alone.
 */
final class OutboundPath {
    /** The largest UDP payload over IPv4 (65535 − 20 − 8). */
    static final int MAX_DATAGRAM = 65_507;

    private final SaTable table;
    private final DatagramSender sender;
    private final LongSupplier nanoTime;
    private final TunnelDrops drops;
    private final byte[] datagram = new byte[MAX_DATAGRAM];
    /** Where the installing thread seals held packets; guarded by this path's monitor. */
    private final byte[] heldDatagram = new byte[MAX_DATAGRAM];

    /**
     * Sends, from now on, the packets a new pair of the table takes from its hold.
     *
     * @param nanoTime the monotonic time source the keepalives read too
     */
    OutboundPath(SaTable table, DatagramSender sender, LongSupplier nanoTime) {
        this.table = table;
        this.sender = sender;
        this.nanoTime = nanoTime;
        this.drops = table.drops();
        table.sendHeldThrough(this::sendHeld);
    }

    /**
     * Sends one inner IPv6 packet {@code packet[offset, offset+length)}, or counts why it was dropped.
     *
     * @throws IOException from the socket; the packet is lost and the caller decides whether the socket is still usable
     */
    void send(byte[] packet, int offset, int length) throws IOException {
        if (!Esp.isIpv6(packet, offset, length)) {
            drops.count(TunnelDrops.Reason.NOT_IPV6);
            return;
        }
        SecurityAssociation sa = table.byPeer(packet, offset + Esp.IPV6_DESTINATION);
        if (sa == null) {
            sa = table.holdOrFind(packet, offset, length);
            if (sa == null) {
                return;
            }
        }
        if (sa.held() != null) {
            sendHeldInto(sa, datagram);
        }
        seal(sa, packet, offset, length, datagram);
    }

    /** The installing thread: sends the packets the new pair took from the hold, unless the TUN reader did. */
    synchronized void sendHeld(SecurityAssociation sa) {
        sendHeldInto(sa, heldDatagram);
    }

    private void sendHeldInto(SecurityAssociation sa, byte[] out) {
        HeldPackets held = sa.held();
        if (held == null) {
            return;
        }
        synchronized (held) {
            if (sa.held() != held) {
                return;
            }
            try {
                table.hold().send(held, (buffer, length) -> seal(sa, buffer, 0, length, out));
            } finally {
                sa.heldSent();
            }
        }
    }

    /** Seals the packet on the pair into {@code out} and sends it, or counts on the pair why not. */
    private void seal(SecurityAssociation sa, byte[] packet, int offset, int length, byte[] out) throws IOException {
        InetSocketAddress to = sa.endpoint();
        if (to == null) {
            sa.dropped(DropReason.NO_ENDPOINT);
            return;
        }
        EspSealer sealer = sa.sealer();
        if (sealer.maxSealedLength(length) > out.length) {
            sa.dropped(DropReason.TOO_BIG);
            return;
        }
        int sealed;
        try {
            sealed = sealer.seal(Esp.NEXT_HEADER_IPV6, packet, offset, length, out, 0);
        } catch (GeneralSecurityException e) {
            sa.dropped(DropReason.SEAL_FAILED);
            return;
        }
        if (sealed < 0) {
            sa.dropped(DropReason.SEQUENCE_EXHAUSTED);
            return;
        }
        sender.send(out, 0, sealed, to);
        sa.sent(length, nanoTime.getAsLong());
    }
}
