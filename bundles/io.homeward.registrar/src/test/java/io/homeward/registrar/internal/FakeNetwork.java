package io.homeward.registrar.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Answers the registrar's queries and updates with functions a test supplies, and remembers them. */
final class FakeNetwork implements Network {
    interface Responder {
        byte[] answer(byte[] request) throws IOException;
    }

    final List<InetSocketAddress> udpTo = new ArrayList<>();
    final List<byte[]> udpQueries = new ArrayList<>();
    final List<InetSocketAddress> tlsTo = new ArrayList<>();
    final List<String> pins = new ArrayList<>();
    final List<byte[]> updates = new ArrayList<>();
    Responder udp = request -> {
        throw new IOException("no DNS server in this test");
    };
    Responder tls = request -> {
        throw new IOException("Connection refused");
    };

    @Override
    public byte[] queryUdp(InetSocketAddress server, byte[] query) throws IOException {
        udpTo.add(server);
        udpQueries.add(query);
        return udp.answer(query);
    }

    @Override
    public byte[] exchangeTls(InetSocketAddress server, byte[] message, String pin) throws IOException {
        tlsTo.add(server);
        pins.add(pin);
        updates.add(message);
        return tls.answer(message);
    }
}
