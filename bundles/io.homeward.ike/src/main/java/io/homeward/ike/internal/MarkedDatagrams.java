package io.homeward.ike.internal;

import java.io.IOException;
import java.net.InetSocketAddress;

import io.homeward.api.tunnel.TunnelPort;
import io.homeward.ike.internal.exchange.Datagrams;

/**
 * IKE messages onto the tunnel port behind the non-ESP marker, four zero octets where ESP has its SPI (RFC 3948
 * §2.2, RFC 7296 §2.23). The port strips the marker from what it receives but sends payloads as given.
 */
final class MarkedDatagrams implements Datagrams {
    static final int MARKER_LENGTH = 4;

    private final TunnelPort port;

    MarkedDatagrams(TunnelPort port) {
        this.port = port;
    }

    @Override
    public void send(byte[] message, InetSocketAddress to) throws IOException {
        byte[] datagram = new byte[MARKER_LENGTH + message.length];
        System.arraycopy(message, 0, datagram, MARKER_LENGTH, message.length);
        port.send(datagram, 0, datagram.length, to);
    }
}
