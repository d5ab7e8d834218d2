package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.dns.DnsRequestHandler;
import io.homeward.api.rendezvous.ListenerState;

/** A request handler may lengthen one connection's idle timeout (a DSO session keeps itself alive). */
class ConnectionIdleTimeoutTest {
    @TempDir
    Path data;

    @Test
    void aConnectionWithALongerTimeoutOutlivesTheListenersDefault() throws Exception {
        DnsRequestHandler handler = (message, responder) -> {
            if (Messages.id(message) == 7) {
                responder.setIdleTimeout(Duration.ofSeconds(30));
            }
            responder.send(message);
        };
        try (ListenerHarness server = new ListenerHarness(data, handler, ListenerHarness.stream(4, 300, 65536));
                Socket kept = server.tcpClient(); Socket plain = server.tcpClient()) {
            Messages.write(kept.getOutputStream(), Messages.query(7, 12));
            Messages.read(kept.getInputStream());
            Messages.write(plain.getOutputStream(), Messages.query(8, 12));
            Messages.read(plain.getInputStream());
            Await.until("the connection on the default timeout is closed", () -> server.closed.size() == 1);
            kept.setSoTimeout(500);
            assertThrows(SocketTimeoutException.class, () -> kept.getInputStream().read(),
                    "the connection with the longer timeout is still open");
            byte[] late = Messages.query(9, 12);
            Messages.write(kept.getOutputStream(), late);
            kept.setSoTimeout(10_000);
            assertArrayEquals(late, Messages.read(kept.getInputStream()));
            assertTrue(ListenerHarness.closedByServer(plain));
        }
    }

    @Test
    void rejectsANonPositiveTimeout() throws Exception {
        List<Exception> failures = new CopyOnWriteArrayList<>();
        DnsRequestHandler handler = (message, responder) -> {
            try {
                responder.setIdleTimeout(Duration.ZERO);
            } catch (IllegalArgumentException e) {
                failures.add(e);
            }
            responder.send(message);
        };
        try (ListenerHarness server = new ListenerHarness(data, handler, ListenerHarness.stream(4, 10_000, 65536));
                Socket socket = server.tcpClient()) {
            Messages.write(socket.getOutputStream(), Messages.query(1, 12));
            Messages.read(socket.getInputStream());
            assertEquals(1, failures.size());
        }
    }

    @Test
    void listenerStatesShowEachListenerWithItsRefusals() throws Exception {
        try (ListenerHarness server = new ListenerHarness(data, ListenerHarness.echo(), ListenerHarness.stream(1, 10_000, 65536));
                Socket first = server.tcpClient()) {
            Await.until("the first connection is accepted", () -> server.status().tcpConnections() == 1);
            try (Socket second = server.tcpClient()) {
                assertTrue(ListenerHarness.closedByServer(second));
            }
            List<ListenerState> states = server.listeners.states();
            assertEquals(List.of("udp", "tcp", "tls"), states.stream().map(s -> s.transport().text()).toList());
            ListenerState tcp = states.get(1);
            assertEquals("127.0.0.1:" + server.status().tcpPort(), tcp.address());
            assertEquals(1, tcp.openConnections());
            assertEquals(1, tcp.refused());
            assertEquals(0, states.get(2).refused());
        }
    }
}
