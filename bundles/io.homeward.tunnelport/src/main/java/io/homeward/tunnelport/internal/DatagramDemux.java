package io.homeward.tunnelport.internal;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import io.homeward.api.tunnel.DatagramKind;
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
    /** The handler of each kind, by ordinal. */
    private final AtomicReferenceArray<TunnelDatagramHandler> handlers =
            new AtomicReferenceArray<>(DatagramKind.values().length);
    final LongAdder keepalives = new LongAdder();
    final LongAdder espDatagrams = new LongAdder();
    final LongAdder ikeDatagrams = new LongAdder();
    final LongAdder stunAnswers = new LongAdder();
    final LongAdder unhandled = new LongAdder();

    DatagramDemux(StunResponses stun) {
        this.stun = stun;
    }

    /** From now on datagrams of this kind go to {@code handler}, instead of any handler before it. */
    void handle(DatagramKind kind, TunnelDatagramHandler handler) {
        handlers.set(kind.ordinal(), handler);
    }

    /** Datagrams of this kind go nowhere any more, unless another handler has replaced this one. */
    void release(DatagramKind kind, TunnelDatagramHandler handler) {
        handlers.compareAndSet(kind.ordinal(), handler, null);
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
            deliver(handlers.get(DatagramKind.IKE.ordinal()), ikeDatagrams, buffer, offset + 4, length - 4, from);
            return;
        }
        if (stun.offer(buffer, offset, length, from)) {
            stunAnswers.increment();
            return;
        }
        deliver(handlers.get(DatagramKind.ESP.ordinal()), espDatagrams, buffer, offset, length, from);
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
