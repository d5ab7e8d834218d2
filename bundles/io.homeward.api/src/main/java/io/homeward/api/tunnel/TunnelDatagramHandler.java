package io.homeward.api.tunnel;

import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the tunnel port's datagrams of one kind, named by the service property {@link #KIND}:
 * {@link #ESP} (payload starts with a non-zero SPI) or {@link #IKE} (the non-ESP marker removed).
 * Called on the port's receive thread; the buffer is reused once the call returns.
 */
@ConsumerType
public interface TunnelDatagramHandler {
    String KIND = "homeward.datagram.kind";
    String ESP = "esp";
    String IKE = "ike";

    void received(byte[] buffer, int offset, int length, InetSocketAddress from);
}
