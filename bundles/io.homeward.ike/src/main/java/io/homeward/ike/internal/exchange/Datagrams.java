package io.homeward.ike.internal.exchange;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Where the engine's IKE messages go: one whole message (or one SKF fragment) per datagram, without the non-ESP
 * marker, which whoever puts it on the tunnel port adds (RFC 3948 §2.2, RFC 7296 §2.23).
 */
public interface Datagrams {

    void send(byte[] message, InetSocketAddress to) throws IOException;
}
