package io.homeward.api.tunnel;

import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the tunnel port's datagrams of one {@link DatagramKind}, registered with
 * {@link TunnelPort#register(DatagramKind, TunnelDatagramHandler)}. Called on the port's receive thread; the
 * buffer is reused once the call returns.
 */
@ConsumerType
public interface TunnelDatagramHandler {

    void received(byte[] buffer, int offset, int length, InetSocketAddress from);
}
