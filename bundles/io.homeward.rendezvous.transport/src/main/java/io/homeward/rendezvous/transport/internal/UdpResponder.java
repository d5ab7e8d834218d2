package io.homeward.rendezvous.transport.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;

import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;

/** Answers one UDP client from the server's own socket, so the reply comes from the address it asked. */
final class UdpResponder implements DnsResponder {
    private final DatagramChannel channel;
    private final InetSocketAddress client;

    UdpResponder(DatagramChannel channel, InetSocketAddress client) {
        this.channel = channel;
        this.client = client;
    }

    @Override
    public DnsTransport transport() {
        return DnsTransport.UDP;
    }

    @Override
    public InetSocketAddress client() {
        return client;
    }

    @Override
    public boolean send(byte[] message) {
        try {
            return channel.send(ByteBuffer.wrap(message), client) == message.length;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void close() {
        // A datagram exchange has no connection to close.
    }

    @Override
    public void setIdleTimeout(Duration timeout) {
        // A datagram exchange has no connection to time out.
    }
}
