package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.api.dns.DnsRequestHandler;
import io.homeward.api.dns.DnsTransport;

class TcpListenerTest {
    @TempDir
    Path data;

    @Test
    void answersPipelinedQueriesOutOfOrder() throws Exception {
        CountDownLatch secondAnswered = new CountDownLatch(1);
        DnsRequestHandler handler = (message, responder) -> {
            if (Messages.id(message) == 1) {
                try {
                    secondAnswered.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            responder.send(message);
            if (Messages.id(message) == 2) {
                secondAnswered.countDown();
            }
        };
        try (ListenerHarness server = new ListenerHarness(data, handler, ListenerHarness.stream(4, 10_000, 65536));
                Socket socket = server.tcpClient()) {
            byte[] first = Messages.query(1, 30);
            byte[] second = Messages.query(2, 40);
            Messages.write(socket.getOutputStream(), first, second);
            InputStream in = socket.getInputStream();
            assertArrayEquals(second, Messages.read(in), "the quick answer is not held behind the slow one");
            assertArrayEquals(first, Messages.read(in));
            byte[] third = Messages.query(3, 12);
            Messages.write(socket.getOutputStream(), third);
            assertArrayEquals(third, Messages.read(in), "the connection stays open for more queries");
        }
    }

    @Test
    void handlerMayKeepTheResponderToPushLaterAndIsToldWhenTheConnectionCloses() throws Exception {
        List<io.homeward.api.dns.DnsResponder> kept = new ArrayList<>();
        try (ListenerHarness server = new ListenerHarness(data, (message, responder) -> {
            synchronized (kept) {
                kept.add(responder);
            }
        }, ListenerHarness.stream(4, 10_000, 65536)); Socket socket = server.tcpClient()) {
            Messages.write(socket.getOutputStream(), Messages.query(1, 12));
            Await.until("the query reaches the handler", () -> {
                synchronized (kept) {
                    return !kept.isEmpty();
                }
            });
            io.homeward.api.dns.DnsResponder connection = kept.get(0);
            assertEquals(DnsTransport.TCP, connection.transport());
            byte[] event = Messages.query(99, 50);
            assertTrue(connection.send(event));
            assertArrayEquals(event, Messages.read(socket.getInputStream()));
            socket.close();
            Await.until("the listener is told of the close", () -> server.closed.contains(connection));
            assertFalse(connection.isOpen());
            assertFalse(connection.send(event), "nothing can be queued on a closed connection");
        }
    }

    @Test
    void handlerCloseSendsQueuedResponsesFirst() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, (message, responder) -> {
            responder.send(message);
            responder.close();
        }, ListenerHarness.stream(4, 10_000, 65536)); Socket socket = server.tcpClient()) {
            byte[] query = Messages.query(8, 20);
            Messages.write(socket.getOutputStream(), query);
            assertArrayEquals(query, Messages.read(socket.getInputStream()));
            assertTrue(ListenerHarness.closedByServer(socket));
        }
    }

    @Test
    void closesAnIdleConnection() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, ListenerHarness.echo(), ListenerHarness.stream(4, 1000, 65536));
                Socket socket = server.tcpClient()) {
            byte[] query = Messages.query(1, 12);
            Messages.write(socket.getOutputStream(), query);
            assertArrayEquals(query, Messages.read(socket.getInputStream()));
            assertTrue(ListenerHarness.closedByServer(socket), "closed after a second of silence");
            Await.until("the connection listener is told", () -> server.closed.size() == 1);
            assertEquals(0, server.status().tcpConnections());
        }
    }

    @Test
    void refusesConnectionsBeyondThePerClientLimitAndLogsThatOnce() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, ListenerHarness.echo(), ListenerHarness.stream(2, 10_000, 65536));
                Socket first = server.tcpClient(); Socket second = server.tcpClient()) {
            Await.until("two connections are accepted", () -> server.status().tcpConnections() == 2);
            try (Socket third = server.tcpClient(); Socket fourth = server.tcpClient()) {
                assertTrue(ListenerHarness.closedByServer(third));
                assertTrue(ListenerHarness.closedByServer(fourth));
            }
            assertEquals(1, server.log.count(LogLevel.WARN, "refused a connection"));
            assertEquals(2, server.status().refusedConnections());
            for (Socket socket : List.of(first, second)) {
                byte[] query = Messages.query(5, 12);
                Messages.write(socket.getOutputStream(), query);
                assertArrayEquals(query, Messages.read(socket.getInputStream()), "the admitted connections still work");
            }
        }
    }

    @Test
    void closesAConnectionWhoseLengthPrefixCannotBeDns() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, ListenerHarness.echo(), ListenerHarness.stream(4, 10_000, 65536));
                Socket socket = server.tcpClient()) {
            socket.getOutputStream().write(new byte[] {0, 2, 'h', 'i'});
            assertTrue(ListenerHarness.closedByServer(socket));
            Await.until("the reason is logged", () -> server.log.count(LogLevel.DEBUG, "malformed stream: length prefix 2") == 1);
        }
    }

    @Test
    void aStalledPartialMessageHoldsNoThreadAndTimesOut() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, ListenerHarness.echo(), ListenerHarness.stream(4, 2000, 65536));
                Socket stalled = server.tcpClient(); Socket healthy = server.tcpClient()) {
            stalled.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xff, 1, 2, 3});
            byte[] query = Messages.query(4, 12);
            Messages.write(healthy.getOutputStream(), query);
            assertArrayEquals(query, Messages.read(healthy.getInputStream()), "others are served meanwhile");
            assertTrue(ListenerHarness.closedByServer(stalled));
        }
    }

    @Test
    void disconnectsAClientThatNeverReadsOnceItsQueueIsFull() throws Exception {
        byte[] big = Messages.query(0, 60_000);
        try (ListenerHarness server = new ListenerHarness(data, (message, responder) -> responder.send(big),
                ListenerHarness.stream(4, 30_000, 200_000)); Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), server.status().tcpPort()));
            OutputStream out = socket.getOutputStream();
            try {
                for (int i = 0; i < 5000 && server.closed.isEmpty(); i++) {
                    Messages.write(out, Messages.query(i, 12));
                }
            } catch (IOException expected) {
                // The server closed the connection while queries were still being written.
            }
            Await.until("the server gives up on the connection", () -> server.closed.size() == 1);
            assertEquals(1, server.log.count(LogLevel.DEBUG, "does not read"));
            assertEquals(0, server.status().tcpConnections());
        }
    }
}
