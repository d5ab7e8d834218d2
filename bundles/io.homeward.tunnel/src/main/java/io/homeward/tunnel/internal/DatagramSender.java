package io.homeward.tunnel.internal;

import java.io.IOException;
import java.net.InetSocketAddress;

/** Sends one UDP payload; the socket owner implements it. Must be safe to call from several threads. */
@FunctionalInterface
interface DatagramSender {
    void send(byte[] buf, int offset, int length, InetSocketAddress to) throws IOException;
}
