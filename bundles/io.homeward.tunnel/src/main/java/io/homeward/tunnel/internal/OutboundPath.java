package io.homeward.tunnel.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.function.LongSupplier;

/**
 * Inner IPv6 packets read from the TUN device out as ESP-in-UDP to the peer their destination names (RFC 4303
 * tunnel mode, RFC 3948: the UDP payload is the ESP packet). Runs on the TUN reader thread only and seals every
 * packet into one reused buffer: nothing is allocated per packet. Drops are counted here when no SA is to blame.
 */
final class OutboundPath {
    /** The largest UDP payload over IPv4 (65535 − 20 − 8). */
    static final int MAX_DATAGRAM = 65_507;

    private final SaTable table;
    private final DatagramSender sender;
    private final LongSupplier nanoTime;
    private final byte[] datagram = new byte[MAX_DATAGRAM];
    private volatile long noSa;
    private volatile long noEndpoint;
    private volatile long malformed;
    private volatile long sealFailures;

    /** @param nanoTime the monotonic time source the keepalives read too */
    OutboundPath(SaTable table, DatagramSender sender, LongSupplier nanoTime) {
        this.table = table;
        this.sender = sender;
        this.nanoTime = nanoTime;
    }

    /**
     * Sends one inner IPv6 packet {@code packet[offset, offset+length)}, or counts why it was dropped.
     *
     * @throws IOException from the socket; the packet is lost and the caller decides whether the socket is still usable
     */
    void send(byte[] packet, int offset, int length) throws IOException {
        if (!Esp.isIpv6(packet, offset, length)) {
            malformed++;
            return;
        }
        SecurityAssociation sa = table.byPeer(packet, offset + Esp.IPV6_DESTINATION);
        if (sa == null) {
            noSa++;
            return;
        }
        InetSocketAddress to = sa.endpoint();
        if (to == null) {
            noEndpoint++;
            return;
        }
        EspSealer sealer = sa.sealer();
        if (sealer.maxSealedLength(length) > datagram.length) {
            malformed++;
            return;
        }
        int sealed;
        try {
            sealed = sealer.seal(Esp.NEXT_HEADER_IPV6, packet, offset, length, datagram, 0);
        } catch (GeneralSecurityException e) {
            sealFailures++;
            return;
        }
        if (sealed < 0) {
            sa.refusedExhausted();
            return;
        }
        sender.send(datagram, 0, sealed, to);
        sa.sent(length, nanoTime.getAsLong());
    }

    /** Packets to a ULA with no SA pair installed. */
    long noSa() {
        return noSa;
    }

    /** Packets to a peer whose outer endpoint is not known yet. */
    long noEndpoint() {
        return noEndpoint;
    }

    /** Packets that are not IPv6 or too big for one UDP datagram once sealed. */
    long malformed() {
        return malformed;
    }

    /** Packets the cipher refused to seal (a broken crypto provider). */
    long sealFailures() {
        return sealFailures;
    }
}
