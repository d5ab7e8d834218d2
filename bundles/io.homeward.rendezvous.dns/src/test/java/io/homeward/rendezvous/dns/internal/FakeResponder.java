package io.homeward.rendezvous.dns.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.Message;

import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;

/** Collects what the handler sends back. */
public class FakeResponder implements DnsResponder {
    java.time.Duration idleTimeout;
    private final DnsTransport transport;
    private final InetSocketAddress client;
    /** Filled from the server's threads: an UPDATE is answered by the group-commit thread once durable. */
    private final List<byte[]> sent = java.util.Collections.synchronizedList(new ArrayList<>());

    public FakeResponder(DnsTransport transport) {
        this(transport, "192.0.2.10");
    }

    public FakeResponder(DnsTransport transport, String clientAddress) {
        this.transport = transport;
        try {
            this.client = new InetSocketAddress(InetAddress.getByName(clientAddress), 40000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public DnsTransport transport() {
        return transport;
    }

    @Override
    public InetSocketAddress client() {
        return client;
    }

    @Override
    public boolean send(byte[] message) {
        sent.add(message.clone());
        return true;
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("the server never closes a connection in these tests");
    }

    public List<byte[]> sent() {
        return sent;
    }

    /** The first message sent, waiting (at most 5 s) for it: an UPDATE is acknowledged asynchronously. */
    public byte[] awaitFirst() {
        long deadline = System.currentTimeMillis() + 5_000;
        while (sent.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        if (sent.isEmpty()) {
            throw new AssertionError("no response within 5 s");
        }
        return sent.get(0);
    }

    /** The one response, parsed; waits (at most 5 s) for it to arrive. */
    public Message only() {
        awaitFirst();
        if (sent.size() != 1) {
            throw new AssertionError("expected exactly one response, got " + sent.size());
        }
        try {
            return new Message(sent.get(0));
        } catch (IOException e) {
            throw new AssertionError("the response does not parse", e);
        }
    }

    @Override
    public void setIdleTimeout(java.time.Duration timeout) {
        idleTimeout = timeout;
    }
}
