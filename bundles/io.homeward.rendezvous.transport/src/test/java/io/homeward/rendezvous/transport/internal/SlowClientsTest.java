package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.dns.DnsRequestHandler;

/** Slow senders (slowloris) lose their connections; clients that talk DNS, and signed-in agents, keep theirs. */
class SlowClientsTest {
    /** Messages with this ID stand for TSIG-signed ones the request handler verified. */
    private static final int SIGNED = 99;

    @TempDir
    Path data;

    private static DnsRequestHandler echoMarkingSigned() {
        return (message, responder) -> {
            if (Messages.id(message) == SIGNED) {
                responder.markAuthenticated();
            }
            responder.send(message);
        };
    }

    private static StreamSettings settings(int total, int unauthenticated, long idleMillis, long deadlineMillis) {
        return new StreamSettings(16, 64, total, unauthenticated, idleMillis, deadlineMillis, 65536, 16);
    }

    @Test
    void aMessageTrickledByteByByteIsClosedAtTheDeadlineThoughNeverSilent() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, echoMarkingSigned(), settings(16, 12, 10_000, 800));
                Socket slow = server.tcpClient()) {
            byte[] framed = Messages.framed(Messages.query(1, 60));
            OutputStream out = slow.getOutputStream();
            long start = System.nanoTime();
            try {
                for (int i = 0; i < framed.length && server.closed.isEmpty(); i++) {
                    out.write(framed[i]);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException expected) {
                // The server closed the connection while the bytes were still trickling in.
            }
            Await.until("the slow sender is closed", () -> server.closed.size() == 1);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 3000, "closed after " + millis + " ms");
            assertEquals(1, server.log.count(LogLevel.DEBUG, "no complete message within 800 ms"));
        }
    }

    @Test
    void aTlsHandshakeThatStallsIsClosedAtTheDeadline() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, echoMarkingSigned(), settings(16, 12, 10_000, 500));
                Socket raw = new Socket(InetAddress.getLoopbackAddress(), server.status().tlsPort())) {
            raw.setSoTimeout(5000);
            raw.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02});
            raw.getOutputStream().flush();
            assertTrue(ListenerHarness.closedByServer(raw));
            Await.until("the reason is logged", () -> server.log.count(LogLevel.DEBUG, "no complete message within") == 1);
        }
    }

    @Test
    void aQuietConnectionBetweenMessagesOutlivesTheDeadline() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, echoMarkingSigned(), settings(16, 12, 10_000, 300));
                Socket socket = server.tcpClient()) {
            byte[] first = Messages.query(SIGNED, 12);
            Messages.write(socket.getOutputStream(), first);
            assertArrayEquals(first, Messages.read(socket.getInputStream()));
            Thread.sleep(1200);
            byte[] keepalive = Messages.query(2, 12);
            Messages.write(socket.getOutputStream(), keepalive);
            assertArrayEquals(keepalive, Messages.read(socket.getInputStream()), "a session quiet for 4 deadlines");
            assertTrue(server.closed.isEmpty());
        }
    }

    @Test
    void limitsTheConnectionsOfOneSlash24() throws Exception {
        StreamSettings perNetworkOfTwo = new StreamSettings(16, 2, 100, 75, 10_000, 10_000, 65536, 16);
        try (ListenerHarness server = new ListenerHarness(data, echoMarkingSigned(), perNetworkOfTwo);
                Socket first = from("127.0.0.1", server); Socket second = from("127.0.0.2", server)) {
            Await.until("two connections from one /24 are accepted", () -> server.status().tcpConnections() == 2);
            try (Socket third = from("127.0.0.3", server); Socket otherNetwork = from("127.0.1.1", server)) {
                assertTrue(ListenerHarness.closedByServer(third), "a third address of 127.0.0.0/24");
                byte[] query = Messages.query(6, 12);
                Messages.write(otherNetwork.getOutputStream(), query);
                assertArrayEquals(query, Messages.read(otherNetwork.getInputStream()), "127.0.1.0/24 is another network");
            }
        }
    }

    /** A TCP connection to the listener from a given loopback address. */
    private static Socket from(String source, ListenerHarness server) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.status().tcpPort(),
                InetAddress.getByName(source), 0);
        socket.setSoTimeout(10_000);
        return socket;
    }

    @Test
    void aNewcomerReplacesTheOldestSlowSenderWhileSignedInAgentsKeepTheirSlots() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, echoMarkingSigned(), settings(4, 3, 30_000, 10_000));
                Socket agent = server.tcpClient(); Socket slow1 = server.tcpClient()) {
            byte[] signed = Messages.query(SIGNED, 12);
            Messages.write(agent.getOutputStream(), signed);
            assertArrayEquals(signed, Messages.read(agent.getInputStream()));
            slow1.getOutputStream().write(0);
            Await.until("the first slow sender is in", () -> server.status().tcpConnections() == 2);
            try (Socket slow2 = server.tcpClient(); Socket slow3 = server.tcpClient()) {
                slow2.getOutputStream().write(0);
                Await.until("all four slots are used", () -> server.status().tcpConnections() == 4);
                slow3.getOutputStream().write(0);
                try (Socket newcomer = server.tcpClient()) {
                    byte[] query = Messages.query(5, 12);
                    Messages.write(newcomer.getOutputStream(), query);
                    assertArrayEquals(query, Messages.read(newcomer.getInputStream()), "the newcomer is served");
                    assertTrue(ListenerHarness.closedByServer(slow1), "the oldest slow sender made room");
                    Await.until("the eviction is logged", () -> server.log.count(LogLevel.DEBUG, "evicted") == 1);
                    Messages.write(agent.getOutputStream(), signed);
                    assertArrayEquals(signed, Messages.read(agent.getInputStream()), "the agent keeps its slot");
                    assertEquals(0, server.status().refusedConnections());
                }
            }
        }
    }
}
