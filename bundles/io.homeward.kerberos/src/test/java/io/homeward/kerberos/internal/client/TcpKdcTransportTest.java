package io.homeward.kerberos.internal.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpKdcTransportTest {
    private final ServerSocket server;
    private CompletableFuture<byte[]> received = new CompletableFuture<>();

    TcpKdcTransportTest() throws IOException {
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    /** Accepts one connection on another thread, reads one framed request and lets {@code answer} reply. */
    private void serveOnce(Consumer<DataOutputStream> answer) {
        Thread thread = new Thread(() -> {
            try (Socket socket = server.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] request = new byte[in.readInt()];
                in.readFully(request);
                received.complete(request);
                answer.accept(new DataOutputStream(socket.getOutputStream()));
                socket.getOutputStream().flush();
                Thread.sleep(1500);
            } catch (IOException | InterruptedException e) {
                received.completeExceptionally(e);
            }
        }, "test-kdc");
        thread.setDaemon(true);
        thread.start();
    }

    private TcpKdcTransport transport(Duration timeout) {
        return new TcpKdcTransport(host -> InetAddress.getLoopbackAddress(), server.getLocalPort(), timeout);
    }

    @Test
    void theRequestAndTheAnswerCarryTheirLengthInFourOctets() throws Exception {
        serveOnce(out -> write(out, 0, 0, 0, 3, 7, 8, 9));
        byte[] answer = transport(Duration.ofSeconds(5)).exchange("home.alice.members.example", new byte[] {1, 2});
        assertArrayEquals(new byte[] {7, 8, 9}, answer);
        assertArrayEquals(new byte[] {1, 2}, received.get());
    }

    @Test
    void aKdcThatDoesNotAnswerInTimeIsGivenUp() {
        serveOnce(out -> { });
        SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
                () -> transport(Duration.ofMillis(300)).exchange("home.alice.members.example", new byte[] {1}));
        assertTrue(e.getMessage().endsWith("did not answer within 300 ms"), e.getMessage());
    }

    @Test
    void anOversizedOrReservedLengthIsRefusedUnread() {
        serveOnce(out -> write(out, 0x80, 0, 0, 1, 0));
        IOException reserved = assertThrows(IOException.class,
                () -> transport(Duration.ofSeconds(5)).exchange("home.alice.members.example", new byte[] {1}));
        assertTrue(reserved.getMessage().contains("reserved high bit"), reserved.getMessage());

        received = new CompletableFuture<>();
        serveOnce(out -> write(out, 0, 0x10, 0, 0));
        IOException large = assertThrows(IOException.class,
                () -> transport(Duration.ofSeconds(5)).exchange("home.alice.members.example", new byte[] {1}));
        assertTrue(large.getMessage().contains("more than 65536"), large.getMessage());
    }

    @Test
    void anUnknownHostIsNotConnectedTo() {
        TcpKdcTransport transport = new TcpKdcTransport(host -> {
            throw new UnknownHostException(host + " is not a host of alice.members.example");
        }, server.getLocalPort(), Duration.ofSeconds(1));
        UnknownHostException e = assertThrows(UnknownHostException.class,
                () -> transport.exchange("www.example.com", new byte[] {1}));
        assertEquals("www.example.com is not a host of alice.members.example", e.getMessage());
    }

    private static void write(DataOutputStream out, int... octets) {
        try {
            for (int octet : octets) {
                out.write(octet);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
