package io.homeward.rendezvous.dns.internal.push;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;
import io.homeward.kit.dns.wire.DsoMessage;

/** A stream connection that records what is sent, whether it was closed and its idle timeout. */
final class RecordingConnection implements DnsResponder {
    final List<byte[]> sent = new ArrayList<>();
    final DnsTransport transport;
    boolean closed;
    Duration idleTimeout;

    RecordingConnection(DnsTransport transport) {
        this.transport = transport;
    }

    @Override
    public DnsTransport transport() {
        return transport;
    }

    @Override
    public InetSocketAddress client() {
        return new InetSocketAddress("192.0.2.44", 50000);
    }

    @Override
    public boolean send(byte[] message) {
        sent.add(message.clone());
        return !closed;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void setIdleTimeout(Duration timeout) {
        idleTimeout = timeout;
    }

    DsoMessage last() {
        return DsoMessage.parse(sent.get(sent.size() - 1));
    }
}
