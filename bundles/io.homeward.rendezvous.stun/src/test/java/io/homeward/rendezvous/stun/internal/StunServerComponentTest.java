package io.homeward.rendezvous.stun.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;

import io.homeward.kit.stun.StunBinding;
import io.homeward.testkit.RecordingLogger;

class StunServerComponentTest {
    private static final byte[] TX = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    @Test
    void answersABindingRequestWithTheClientsAddressAndIgnoresTheRest() throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        StunServerComponent server = new StunServerComponent(new RecordingLogger().logger(), config(port));
        try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            client.setSoTimeout(5000);
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            byte[] junk = {(byte) 0xc0, (byte) 0xff, (byte) 0xee, 1, 0, 0, 0, 1};
            client.send(new DatagramPacket(junk, junk.length, to));
            byte[] request = StunBinding.request(TX);
            client.send(new DatagramPacket(request, request.length, to));

            byte[] buffer = new byte[1500];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            client.receive(reply);
            assertEquals(new InetSocketAddress(InetAddress.getLoopbackAddress(), client.getLocalPort()),
                    StunBinding.mappedAddress(buffer, 0, reply.getLength(), TX));
            client.setSoTimeout(200);
            try {
                client.receive(reply);
                throw new AssertionError("the server answered something that was not a Binding request");
            } catch (SocketTimeoutException expected) {
                assertTrue(server.report().text().contains("answered 1, ignored 1"), server.report().text());
            }
        } finally {
            server.deactivate();
        }
    }

    @Test
    void aTakenPortIsReportedWithWhatToChange() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            StunServerComponent server = new StunServerComponent(new RecordingLogger().logger(), config(taken.getLocalPort()));
            assertTrue(server.report().text().contains("cannot listen on UDP 127.0.0.1:" + taken.getLocalPort()), server.report().text());
            assertTrue(server.report().text().contains("change io.homeward.rendezvous.stun port"), server.report().text());
            server.deactivate();
        }
    }

    private static StunServerComponent.Config config(int port) {
        return new StunServerComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StunServerComponent.Config.class;
            }

            @Override
            public String bindAddress() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return port;
            }
        };
    }
}
