package io.homeward.tunnelport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.homeward.api.tunnel.DatagramKind;
import io.homeward.api.tunnel.TunnelPort;
import io.homeward.kit.stun.StunBinding;
import io.homeward.testkit.RecordingLogger;

/** The component on loopback with a small STUN responder: the port answers, learns, hands on and lets go. */
class TunnelPortComponentTest {

    @Test
    void learnsItsEndpointFromStunDeliversEspAndReleasesThePortOnDeactivate() throws Exception {
        try (DatagramSocket stun = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> answer(stun), "test-stun");
            responder.setDaemon(true);
            responder.start();
            int port = freePort();
            BlockingQueue<Optional<InetSocketAddress>> learned = new LinkedBlockingQueue<>();
            BlockingQueue<byte[]> esp = new LinkedBlockingQueue<>();
            TunnelPortComponent component = new TunnelPortComponent(new RecordingLogger().logger(),
                    config(port, "127.0.0.1:" + stun.getLocalPort()));
            // The listener hears the endpoint known when it is added (none, unless STUN was quicker) first.
            component.addReflexiveEndpointListener(e -> e.ifPresent(known -> learned.add(e)));
            TunnelPort.Registration handler = component.register(DatagramKind.ESP,
                    (b, o, l, from) -> esp.add(Arrays.copyOfRange(b, o, o + l)));

            assertEquals(Optional.of(new InetSocketAddress("127.0.0.1", port)), learned.poll(10, TimeUnit.SECONDS));
            assertEquals(Optional.of(new InetSocketAddress("127.0.0.1", port)), component.reflexiveEndpoint());

            byte[] packet = {(byte) 0xc0, (byte) 0xff, (byte) 0xee, 1, 0, 0, 0, 1};
            try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                peer.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
            }
            assertArrayEquals(packet, esp.poll(10, TimeUnit.SECONDS));
            assertTrue(PortText.render(component.report()).contains("esp 1"), PortText.render(component.report()));
            handler.close();
            try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                peer.send(new DatagramPacket(packet, packet.length, InetAddress.getLoopbackAddress(), port));
            }
            for (int i = 0; i < 100 && !PortText.render(component.report()).contains("unhandled 1"); i++) {
                Thread.sleep(50);
            }
            assertTrue(PortText.render(component.report()).contains("unhandled 1"), "a closed registration gets nothing: "
                    + PortText.render(component.report()));
            assertTrue(esp.isEmpty());

            component.deactivate();
            try (DatagramSocket again = new DatagramSocket(new InetSocketAddress("0.0.0.0", port))) {
                assertEquals(port, again.getLocalPort(), "the port is free again once the component is gone");
            }
        }
    }

    @Test
    void aTakenPortIsReportedNotFatal() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("0.0.0.0", 0))) {
            TunnelPortComponent component = new TunnelPortComponent(new RecordingLogger().logger(),
                    config(taken.getLocalPort(), ""));
            String state = "";
            for (int i = 0; i < 50 && !state.contains("cannot bind"); i++) {
                Thread.sleep(100);
                state = PortText.render(component.report());
            }
            assertTrue(state.contains("cannot bind UDP 0.0.0.0:" + taken.getLocalPort()), state);
            component.deactivate();
        }
    }

    private static void answer(DatagramSocket socket) {
        byte[] buffer = new byte[1500];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                socket.receive(p);
                byte[] id = StunBinding.requestTransactionId(buffer, 0, p.getLength());
                if (id != null) {
                    byte[] reply = StunBinding.success(id, (InetSocketAddress) p.getSocketAddress());
                    socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                }
            } catch (java.io.IOException e) {
                return;
            }
        }
    }

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress("0.0.0.0", 0))) {
            return s.getLocalPort();
        }
    }

    private static TunnelPortComponent.Config config(int port, String stunServer) {
        return new TunnelPortComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TunnelPortComponent.Config.class;
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public String bindAddress() {
                return "0.0.0.0";
            }

            @Override
            public String stunServer() {
                return stunServer;
            }

            @Override
            public int stunIntervalSeconds() {
                return 60;
            }
        };
    }
}
