package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Type;

import io.homeward.rendezvous.dns.internal.transfer.NotifySender;

class NotifySenderTest {
    @TempDir
    Path dir;

    @Test
    void notifiesSecondaryOnChangeAndStopsWhenAnswered() throws Exception {
        try (DatagramSocket secondary = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                ServerFixture f = new ServerFixture(dir)) {
            secondary.setSoTimeout(5000);
            InetSocketAddress address = (InetSocketAddress) secondary.getLocalSocketAddress();
            TestLogger log = new TestLogger();
            try (NotifySender sender = new NotifySender(List.of(address), Duration.ofSeconds(2), 3, new Random(1),
                    log.logger())) {
                f.server.zones().addListener(sender);
                f.addToAlice(rr("host", Type.A, "203.0.113.1"));

                DatagramPacket packet = new DatagramPacket(new byte[512], 512);
                secondary.receive(packet);
                Message notify = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                assertEquals(Opcode.NOTIFY, notify.getHeader().getOpcode());
                assertTrue(notify.getHeader().getFlag(Flags.AA));
                assertEquals(ALICE, notify.getQuestion().getName());
                assertEquals(Type.SOA, notify.getQuestion().getType());

                Message answer = new Message(notify.getHeader().getID());
                answer.getHeader().setOpcode(Opcode.NOTIFY);
                answer.getHeader().setFlag(Flags.QR);
                answer.addRecord(notify.getQuestion(), 0);
                byte[] wire = answer.toWire();
                secondary.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));

                secondary.setSoTimeout(2500);
                assertNoMorePackets(secondary);
            }
        }
    }

    @Test
    void retriesASilentSecondaryAFewTimes() throws Exception {
        try (DatagramSocket secondary = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            secondary.setSoTimeout(3000);
            TestLogger log = new TestLogger();
            List<Integer> ids = new ArrayList<>();
            try (NotifySender sender = new NotifySender(List.of((InetSocketAddress) secondary.getLocalSocketAddress()),
                    Duration.ofMillis(200), 3, new Random(1), log.logger())) {
                sender.zoneChanged(new io.homeward.rendezvous.dns.internal.zone.ZoneChange(ALICE, 5, List.of(),
                        List.of()));
                for (int i = 0; i < 3; i++) {
                    DatagramPacket packet = new DatagramPacket(new byte[512], 512);
                    secondary.receive(packet);
                    ids.add(new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength())).getHeader()
                            .getID());
                }
                secondary.setSoTimeout(1000);
                assertNoMorePackets(secondary);
            }
            assertEquals(1, ids.stream().distinct().count(), "retries repeat the same message");
            assertTrue(log.contains("WARN", "did not answer 3 NOTIFY messages"), log.lines().toString());
        }
    }

    private static void assertNoMorePackets(DatagramSocket socket) {
        assertThrows(SocketTimeoutException.class, () -> socket.receive(new DatagramPacket(new byte[512], 512)),
                "the sender kept sending after it should have stopped");
    }
}
