package io.homeward.tunnel.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Arrays;

import io.homeward.api.sa.DropReason;

/**
 * ESP packets received over UDP back to inner IPv6 packets for the TUN device (RFC 4303 §3.4).
 * Each packet must have a known SPI, pass the anti-replay check, authenticate, have valid padding and carry IPv6
 * from the SA's peer ULA to this host; drops are counted on the SA, or in the table's {@link TunnelDrops} when no
 * SA can be charged. The first authentic packet on a new pair that waits for it makes that pair the sending one
 * (RFC 7296 §2.8). Runs on the UDP receiver thread only and decrypts in place: nothing is allocated for a good
 * packet.
 */
final class InboundPath {
    private final SaTable table;
    private final PacketSink sink;
    private final byte[] localAddress;

    /** @param local this host's ULA, the only inner destination accepted */
    InboundPath(SaTable table, PacketSink sink, Inet6Address local) {
        this.table = table;
        this.sink = sink;
        this.localAddress = local.getAddress();
    }

    /**
     * Handles one UDP payload already known to be ESP (not a keepalive, not IKE) from {@code from}.
     *
     * @throws IOException from the sink; the packet is lost
     */
    void receive(byte[] datagram, int offset, int length, InetSocketAddress from) throws IOException {
        if (length < Esp.HEADER) {
            table.drops().count(TunnelDrops.Reason.RUNT);
            return;
        }
        SecurityAssociation sa = table.byInboundSpi(Bytes.getInt(datagram, offset));
        if (sa == null) {
            table.drops().count(TunnelDrops.Reason.UNKNOWN_SPI);
            return;
        }
        EspOpener opener = sa.opener();
        EspOpener.Outcome outcome = opener.open(datagram, offset, length);
        if (sa.awaitingFirstInbound() && outcome.authentic()) {
            table.firstInbound(sa);
        }
        switch (outcome) {
            case TOO_SHORT, BAD_PADDING, UNSUPPORTED_NEXT_HEADER -> sa.dropped(DropReason.MALFORMED);
            case REPLAY -> sa.dropped(DropReason.REPLAY);
            case BAD_ICV -> sa.dropped(DropReason.BAD_ICV);
            // Authentic from here on, but only a packet that passes every check may move the endpoint: one that
            // fails the inner checks is not the peer's traffic, whatever key made it.
            case DUMMY -> table.followPeer(sa, from);
            case DELIVER -> {
                if (deliver(sa, datagram, opener.innerOffset(), opener.innerLength())) {
                    table.followPeer(sa, from);
                }
            }
        }
    }

    /** True when the packet passed every check and went to the sink. */
    private boolean deliver(SecurityAssociation sa, byte[] buf, int inner, int available) throws IOException {
        if (!Esp.isIpv6(buf, inner, available)) {
            sa.dropped(DropReason.MALFORMED);
            return false;
        }
        // Any traffic flow confidentiality padding after the inner packet is cut off (RFC 4303 §2.7).
        int length = Esp.IPV6_HEADER + ((buf[inner + Esp.IPV6_PAYLOAD_LENGTH] & 0xFF) << 8
                | buf[inner + Esp.IPV6_PAYLOAD_LENGTH + 1] & 0xFF);
        if (length > available) {
            sa.dropped(DropReason.MALFORMED);
            return false;
        }
        if (!sa.isPeer(buf, inner + Esp.IPV6_SOURCE)) {
            sa.dropped(DropReason.WRONG_INNER_SOURCE);
            return false;
        }
        int destination = inner + Esp.IPV6_DESTINATION;
        if (!Arrays.equals(buf, destination, destination + Esp.IPV6_ADDRESS, localAddress, 0, Esp.IPV6_ADDRESS)) {
            sa.dropped(DropReason.WRONG_INNER_DESTINATION);
            return false;
        }
        sink.deliver(buf, inner, length);
        sa.received(length);
        return true;
    }
}
