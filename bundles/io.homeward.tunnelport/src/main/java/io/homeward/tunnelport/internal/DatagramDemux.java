package io.homeward.tunnelport.internal;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.LongAdder;

import io.homeward.api.tunnel.TunnelDatagramHandler;

/**
 * Sorts what arrives on the tunnel port (RFC 3948 §2.2): a single 0xFF octet is a NAT keepalive and is dropped;
 * four zero octets (the non-ESP marker) start an IKE message; an answer to our own STUN request goes to discovery;
 * everything else is ESP, whose first four octets are the SPI. Runs on the receive thread.
 */
final class DatagramDemux {
    /** Answers STUN responses; true when it consumed the datagram. */
    interface StunResponses {
        boolean offer(byte[] buffer, int offset, int length, InetSocketAddress from);
    }

    private final StunResponses stun;
    volatile TunnelDatagramHandler esp;
    volatile TunnelDatagramHandler ike;
    final LongAdder keepalives = new LongAdder();
    final LongAdder espDatagrams = new LongAdder();
    final LongAdder ikeDatagrams = new LongAdder();
    final LongAdder stunAnswers = new LongAdder();
    final LongAdder unhandled = new LongAdder();

    DatagramDemux(StunResponses stun) {
        this.stun = stun;
    }

    void dispatch(byte[] buffer, int offset, int length, InetSocketAddress from) {
        if (length == 1 && buffer[offset] == (byte) 0xFF) {
            keepalives.increment();
            return;
        }
        if (length < 4) {
            unhandled.increment();
            return;
        }
        if (buffer[offset] == 0 && buffer[offset + 1] == 0 && buffer[offset + 2] == 0 && buffer[offset + 3] == 0) {
            deliver(ike, ikeDatagrams, buffer, offset + 4, length - 4, from);
            return;
        }
        if (stun.offer(buffer, offset, length, from)) {
            stunAnswers.increment();
            return;
        }
        deliver(esp, espDatagrams, buffer, offset, length, from);
    }

    private void deliver(TunnelDatagramHandler handler, LongAdder counter, byte[] buffer, int offset, int length,
            InetSocketAddress from) {
        if (handler == null) {
            unhandled.increment();
            return;
        }
        counter.increment();
        handler.received(buffer, offset, length, from);
    }

}
