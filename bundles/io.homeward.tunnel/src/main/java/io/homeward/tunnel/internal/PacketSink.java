package io.homeward.tunnel.internal;

import java.io.IOException;

/** Takes one decapsulated inner IPv6 packet, typically writing it to the TUN device. */
@FunctionalInterface
interface PacketSink {
    void deliver(byte[] buf, int offset, int length) throws IOException;
}
