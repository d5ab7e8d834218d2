package io.homeward.rendezvous.dns.internal.request;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.Consumer;

import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;

/** Passes an answer on to the client and hands a copy to the answer cache. */
final class RememberingResponder implements DnsResponder {
    private final DnsResponder client;
    private final Consumer<byte[]> remember;

    RememberingResponder(DnsResponder client, Consumer<byte[]> remember) {
        this.client = client;
        this.remember = remember;
    }

    @Override
    public DnsTransport transport() {
        return client.transport();
    }

    @Override
    public InetSocketAddress client() {
        return client.client();
    }

    @Override
    public boolean send(byte[] message) {
        remember.accept(message);
        return client.send(message);
    }

    /** A series of messages (a zone transfer) is never one cacheable answer: it passes through unremembered. */
    @Override
    public boolean sendAll(Iterator<byte[]> messages) {
        return client.sendAll(messages);
    }

    @Override
    public boolean isOpen() {
        return client.isOpen();
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public void setIdleTimeout(Duration timeout) {
        client.setIdleTimeout(timeout);
    }
}
