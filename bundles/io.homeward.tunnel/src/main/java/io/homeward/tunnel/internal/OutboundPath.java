package io.homeward.tunnel.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.function.LongSupplier;

import io.homeward.api.sa.DropReason;

/**
 * Inner IPv6 packets read from the TUN device out as ESP-in-UDP to the peer their destination names, on that peer's
 * sending SA pair (RFC 4303 tunnel mode, RFC 3948: the UDP payload is the ESP packet). Runs on the TUN reader thread
 * only and seals every packet into one reused buffer: nothing is allocated per packet. Drops are counted on the SA
 * pair, or in the table's {@link TunnelDrops} when no pair can be charged.
 */
final class OutboundPath {
    /** The largest UDP payload over IPv4 (65535 − 20 − 8). */
    static final int MAX_DATAGRAM = 65_507;

    private final SaTable table;
    private final DatagramSender sender;
    private final LongSupplier nanoTime;
    private final TunnelDrops drops;
    private final byte[] datagram = new byte[MAX_DATAGRAM];

    /** @param nanoTime the monotonic time source the keepalives read too */
    OutboundPath(SaTable table, DatagramSender sender, LongSupplier nanoTime) {
        this.table = table;
        this.sender = sender;
        this.nanoTime = nanoTime;
        this.drops = table.drops();
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
            drops.count(TunnelDrops.Reason.NO_SA);
            return;
        }
        InetSocketAddress to = sa.endpoint();
        if (to == null) {
            sa.dropped(DropReason.NO_ENDPOINT);
            return;
        }
        EspSealer sealer = sa.sealer();
        if (sealer.maxSealedLength(length) > datagram.length) {
            sa.dropped(DropReason.TOO_BIG);
            return;
        }
        int sealed;
        try {
            sealed = sealer.seal(Esp.NEXT_HEADER_IPV6, packet, offset, length, datagram, 0);
        } catch (GeneralSecurityException e) {
            sa.dropped(DropReason.SEAL_FAILED);
            return;
        }
        if (sealed < 0) {
            sa.dropped(DropReason.SEQUENCE_EXHAUSTED);
            return;
        }
        sender.send(datagram, 0, sealed, to);
        sa.sent(length, nanoTime.getAsLong());
    }
}
