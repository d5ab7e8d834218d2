package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;

class UdpListenerTest {
    @TempDir
    Path data;

    @Test
    void answersEachDatagramFromTheSameSocketToTheSender() throws Exception {
        List<DnsResponder> responders = new CopyOnWriteArrayList<>();
        try (ListenerHarness server = new ListenerHarness(data, (message, responder) -> {
            responders.add(responder);
            responder.send(message);
        }, ListenerHarness.stream(4, 5000, 65536)); DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            client.setSoTimeout(5000);
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.status().udpPort());
            for (int id = 1; id <= 3; id++) {
                byte[] query = Messages.query(id, 1200);
                client.send(new DatagramPacket(query, query.length, target));
                DatagramPacket reply = new DatagramPacket(new byte[65535], 65535);
                client.receive(reply);
                assertEquals(target, reply.getSocketAddress(), "the reply comes from the server's port");
                assertArrayEquals(query, Arrays.copyOf(reply.getData(), reply.getLength()));
            }
            DnsResponder first = responders.get(0);
            assertEquals(DnsTransport.UDP, first.transport());
            assertEquals(client.getLocalSocketAddress(), first.client());
            assertTrue(first.isOpen());
        }
    }

    @Test
    void carriesALargeDatagramWhole() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, ListenerHarness.echo(), ListenerHarness.stream(4, 5000, 65536));
                DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            client.setSoTimeout(5000);
            byte[] query = Messages.query(42, 60000);
            client.send(new DatagramPacket(query, query.length, InetAddress.getLoopbackAddress(), server.status().udpPort()));
            DatagramPacket reply = new DatagramPacket(new byte[65535], 65535);
            client.receive(reply);
            assertEquals(60000, reply.getLength());
        }
    }
}
