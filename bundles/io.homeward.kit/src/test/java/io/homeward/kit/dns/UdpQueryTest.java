package io.homeward.kit.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class UdpQueryTest {
    private static final byte[] QUERY = {0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0};

    /** A loopback server that stays silent {@code silent} times, then answers once with another ID and once right. */
    private static DatagramSocket server(int silent, AtomicInteger heard) throws IOException {
        DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread responder = new Thread(() -> {
            byte[] buffer = new byte[512];
            try {
                while (true) {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    if (heard.incrementAndGet() <= silent) {
                        continue;
                    }
                    byte[] other = QUERY.clone();
                    other[1] = 0x35;
                    socket.send(new DatagramPacket(other, other.length, packet.getSocketAddress()));
                    byte[] answer = QUERY.clone();
                    answer[2] = (byte) 0x81;
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (IOException closed) {
                return;
            }
        }, "test-udp");
        responder.setDaemon(true);
        responder.start();
        return socket;
    }

    @Test
    void theAnswerWithTheQuerysIdCountsAndSilenceIsRetried() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        try (DatagramSocket server = server(1, heard)) {
            byte[] answer = new UdpQuery(Duration.ofMillis(300), 2).exchange(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), QUERY);
            assertEquals((byte) 0x81, answer[2]);
            assertArrayEquals(new byte[] {0x12, 0x34}, new byte[] {answer[0], answer[1]});
            assertEquals(2, heard.get());
        }
    }

    @Test
    void silenceAfterEveryAttemptIsAnError() throws Exception {
        AtomicInteger heard = new AtomicInteger();
        try (DatagramSocket server = server(Integer.MAX_VALUE, heard)) {
            IOException e = assertThrows(IOException.class, () -> new UdpQuery(Duration.ofMillis(100), 2).exchange(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), QUERY));
            assertTrue(e.getMessage().contains("after 2 attempts"), e.getMessage());
        }
    }

    /** The registrar once reported "cannot find the update server: null" here: the JDK's exception has no message. */
    @Test
    void aPortWhereNothingListensIsNamed() throws Exception {
        int closedPort;
        try (DatagramSocket vacated = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closedPort = vacated.getLocalPort();
        }
        IOException e = assertThrows(IOException.class, () -> new UdpQuery(Duration.ofSeconds(2), 1).exchange(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort), QUERY));
        assertEquals("nothing listens on " + InetAddress.getLoopbackAddress().getHostAddress() + ":" + closedPort
                + " (ICMP port unreachable)", e.getMessage());
    }
}
