package io.homeward.kerberos.internal.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.kerberos.internal.status.KdcCounters;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class KdcFrontDoorTest {
    private static final InetAddress IPV6_LOOPBACK = address("::1");
    private static final InetAddress IPV4_LOOPBACK = address("127.0.0.1");
    private static final int UDP_REPLY_BOUND = 1024;
    private static final Duration IDLE = Duration.ofMillis(600);
    /** More than the kernel buffers of a loopback connection hold. */
    private static final int HUGE = 32 * 1024 * 1024;

    private final MutableClock clock = new MutableClock();
    private final RecordingLogger log = new RecordingLogger();
    private final KdcCounters counters = new KdcCounters();
    private final AtomicBoolean allowAll = new AtomicBoolean(true);
    private KdcFrontDoor frontDoor;

    /**
     * Echoes with a prefix; "boom" throws, "big" answers more than a datagram may carry, "huge" more than socket
     * buffers hold, "none" answers nothing.
     */
    private final KdcRequestHandler handler = new KdcRequestHandler() {
        @Override
        public byte[] handle(KdcRequest request) {
            String text = new String(request.message(), StandardCharsets.US_ASCII);
            return switch (text) {
                case "boom" -> throw new IllegalStateException("an engine bug");
                case "big" -> new byte[UDP_REPLY_BOUND + 1];
                case "none" -> new byte[0];
                case "huge" -> new byte[HUGE];
                default -> ascii("re " + request.transport() + " " + text);
            };
        }

        @Override
        public byte[] responseTooBig(KdcRequest request) {
            return ascii("RESPONSE_TOO_BIG");
        }

        @Override
        public byte[] fieldTooLong(InetSocketAddress client) {
            return ascii("FIELD_TOOLONG");
        }
    };

    @AfterEach
    void closeFrontDoor() {
        if (frontDoor != null) {
            frontDoor.close();
        }
    }

    private KdcFrontDoor open(int maxConnections) throws IOException {
        FrontDoorSettings settings = new FrontDoorSettings(0, 2048, UDP_REPLY_BOUND, maxConnections, IDLE);
        frontDoor = KdcFrontDoor.open(List.of(IPV6_LOOPBACK, IPV4_LOOPBACK), settings, handler,
                source -> allowAll.get() && source.isLoopbackAddress(), counters, log.logger(), clock);
        return frontDoor;
    }

    @Test
    void answersDatagramsOnEachAddress() throws Exception {
        open(4);
        for (InetSocketAddress at : frontDoor.udpAddresses()) {
            assertEquals("re UDP hello", udp(at, "hello"));
        }
        assertEquals(2, counters.frontDoor().udpRequests());
        assertEquals(4, frontDoor.listening().size());
        assertTrue(frontDoor.listening().get(0).matches("\\[[0:]+1\\]:\\d+ TCP"), frontDoor.listening().toString());
    }

    @Test
    void replacesAnAnswerTooBigForADatagramWithTheHandlersError() throws Exception {
        open(4);
        assertEquals("RESPONSE_TOO_BIG", udp(frontDoor.udpAddresses().get(0), "big"));
    }

    @Test
    void dropsADatagramTheHandlerFailsOnOrDoesNotAnswerAndCarriesOn() throws Exception {
        open(4);
        InetSocketAddress at = frontDoor.udpAddresses().get(1);
        assertNoUdpAnswer(at, "boom");
        assertNoUdpAnswer(at, "none");
        assertEquals("re UDP again", udp(at, "again"));
        assertEquals(1, counters.frontDoor().handlerFailures());
        assertEquals(1, log.count(LogLevel.INFO, "the handler failed: java.lang.IllegalStateException: an engine bug"));
    }

    @Test
    void answersSeveralRequestsOnOneConnection() throws Exception {
        open(4);
        try (Socket socket = connect(frontDoor.tcpAddresses().get(0))) {
            assertEquals("re TCP one", exchange(socket, "one"));
            assertEquals("re TCP two", exchange(socket, "two"));
            assertEquals("re TCP three", exchange(socket, "three"));
        }
        assertEquals(3, counters.frontDoor().tcpRequests());
    }

    @Test
    void answersALongAnswerWholeOverTcp() throws Exception {
        open(4);
        try (Socket socket = connect(frontDoor.tcpAddresses().get(1))) {
            send(socket, ascii("big"));
            assertArrayEquals(new byte[UDP_REPLY_BOUND + 1], receive(socket));
        }
    }

    @Test
    void answersALengthWithTheReservedBitOrOverTheBoundWithFieldTooLongAndCloses() throws Exception {
        open(4);
        for (int length : new int[] {0x8000_0005, 2049}) {
            try (Socket socket = connect(frontDoor.tcpAddresses().get(0))) {
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.writeInt(length);
                out.write(ascii("hello"));
                out.flush();
                assertEquals("FIELD_TOOLONG", new String(receive(socket), StandardCharsets.US_ASCII));
                assertEquals(-1, socket.getInputStream().read(), "closed after the error");
            }
        }
        assertEquals(0, counters.frontDoor().tcpRequests());
        assertEquals(2, counters.frontDoor().dropped());
    }

    @Test
    void closesTheConnectionWhenTheHandlerFailsAndServesTheNextOne() throws Exception {
        open(4);
        InetSocketAddress at = frontDoor.tcpAddresses().get(0);
        for (String fails : List.of("boom", "none")) {
            try (Socket socket = connect(at)) {
                send(socket, ascii(fails));
                assertEquals(-1, socket.getInputStream().read());
            }
        }
        try (Socket socket = connect(at)) {
            assertEquals("re TCP fine", exchange(socket, "fine"));
        }
        assertEquals(1, counters.frontDoor().handlerFailures());
    }

    @Test
    void refusesSourcesThePredicateDoesNotAllowAndLogsOncePerAddressPerMinute() throws Exception {
        open(4);
        allowAll.set(false);
        assertNoUdpAnswer(frontDoor.udpAddresses().get(1), "hello");
        try (Socket socket = connect(frontDoor.tcpAddresses().get(1))) {
            assertClosedWithoutAnswer(socket);
        }
        awaitTrue(() -> counters.frontDoor().refusedSources() == 2);
        assertEquals(1, log.count(LogLevel.WARN, "refused a request from 127.0.0.1: not a source in the tunnel"));

        clock.advance(Duration.ofMinutes(1));
        assertNoUdpAnswer(frontDoor.udpAddresses().get(1), "hello");
        awaitTrue(() -> log.count(LogLevel.WARN, "refused a request from 127.0.0.1") == 2);
        assertEquals(0, counters.frontDoor().udpRequests() + counters.frontDoor().tcpRequests());
    }

    @Test
    void closesConnectionsBeyondTheLimitAndTakesNewOnesWhenOneEnds() throws Exception {
        open(2);
        InetSocketAddress at = frontDoor.tcpAddresses().get(0);
        try (Socket first = connect(at); Socket second = connect(frontDoor.tcpAddresses().get(1))) {
            assertEquals("re TCP 1", exchange(first, "1"));
            assertEquals("re TCP 2", exchange(second, "2"));
            try (Socket third = connect(at)) {
                assertClosedWithoutAnswer(third);
            }
        }
        awaitTrue(() -> {
            try (Socket fourth = connect(at)) {
                return exchange(fourth, "4").equals("re TCP 4");
            } catch (IOException e) {
                return false;
            }
        });
        assertTrue(counters.frontDoor().dropped() >= 1);
        assertEquals(1, log.count(LogLevel.INFO, "2 connections are open, the most it serves at once"));
    }

    @Test
    void closesAConnectionThatIsIdleOrTooSlowToSendItsRequest() throws Exception {
        open(4);
        InetSocketAddress at = frontDoor.tcpAddresses().get(0);
        try (Socket idle = connect(at)) {
            long start = System.nanoTime();
            assertEquals(-1, idle.getInputStream().read());
            assertTrue(System.nanoTime() - start >= IDLE.toNanos() / 2);
        }
        try (Socket slow = connect(at)) {
            DataOutputStream out = new DataOutputStream(slow.getOutputStream());
            out.writeInt(10);
            out.write(ascii("only"));
            out.flush();
            assertEquals(-1, slow.getInputStream().read());
        }
        try (Socket afterAnswer = connect(at)) {
            assertEquals("re TCP x", exchange(afterAnswer, "x"));
            assertEquals(-1, afterAnswer.getInputStream().read(), "idle after its answer");
        }
    }

    @Test
    void closesAConnectionWhoseClientStopsReadingItsAnswers() throws Exception {
        open(1);
        InetSocketAddress at = frontDoor.tcpAddresses().get(0);
        try (Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(4096);
            stuck.connect(at, 2_000);
            send(stuck, ascii("huge"));
            awaitTrue(() -> {
                try (Socket next = connect(at)) {
                    return exchange(next, "next").equals("re TCP next");
                } catch (IOException e) {
                    return false;
                }
            });
        }
        assertTrue(counters.frontDoor().dropped() >= 1);
    }

    @Test
    void releasesItsSocketsAndThreadsWhenClosed() throws Exception {
        open(4);
        List<InetSocketAddress> tcp = frontDoor.tcpAddresses();
        List<InetSocketAddress> udp = frontDoor.udpAddresses();
        Socket open = connect(tcp.get(0));
        assertEquals("re TCP x", exchange(open, "x"));
        frontDoor.close();
        frontDoor = null;
        assertEquals(-1, open.getInputStream().read(), "open connections are closed");
        open.close();
        for (InetSocketAddress at : tcp) {
            try (ServerSocket again = new ServerSocket()) {
                again.bind(at);
            }
        }
        for (InetSocketAddress at : udp) {
            try (DatagramSocket again = new DatagramSocket(at)) {
                assertEquals(at.getPort(), again.getLocalPort());
            }
        }
        awaitTrue(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("homeward-kdc")));
    }

    @Test
    void leavesNothingOpenWhenAnAddressCannotBeBound() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(IPV4_LOOPBACK, 0));
            FrontDoorSettings settings = new FrontDoorSettings(taken.getLocalPort(), 2048, UDP_REPLY_BOUND, 2, IDLE);
            assertThrows(IOException.class, () -> KdcFrontDoor.open(List.of(IPV6_LOOPBACK, IPV4_LOOPBACK), settings,
                    handler, a -> true, counters, log.logger(), clock));
        }
        awaitTrue(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("homeward-kdc")));
    }

    @Test
    void refusesNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new FrontDoorSettings(70_000, 2048, 1024, 2, IDLE));
        assertThrows(IllegalArgumentException.class, () -> new FrontDoorSettings(88, 10, 1024, 2, IDLE));
        assertThrows(IllegalArgumentException.class, () -> new FrontDoorSettings(88, 2048, 100_000, 2, IDLE));
        assertThrows(IllegalArgumentException.class, () -> new FrontDoorSettings(88, 2048, 1024, 0, IDLE));
        assertThrows(IllegalArgumentException.class, () -> new FrontDoorSettings(88, 2048, 1024, 2, Duration.ZERO));
        assertEquals(88, FrontDoorSettings.DEFAULTS.port());
    }

    /** Closed by the front door at once: the end of the stream, or a reset if the client had sent something. */
    private static void assertClosedWithoutAnswer(Socket socket) throws IOException {
        try {
            assertEquals(-1, socket.getInputStream().read());
        } catch (SocketException reset) {
            assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
        }
    }

    private static void assertNoUdpAnswer(InetSocketAddress at, String request) {
        assertThrows(SocketTimeoutException.class, () -> udp(at, request, 400));
    }

    private static String udp(InetSocketAddress at, String request) throws IOException {
        return udp(at, request, 5_000);
    }

    private static String udp(InetSocketAddress at, String request, int timeoutMillis) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(at.getAddress(), 0))) {
            socket.setSoTimeout(timeoutMillis);
            byte[] bytes = ascii(request);
            socket.send(new DatagramPacket(bytes, bytes.length, at));
            DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
            socket.receive(reply);
            return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII);
        }
    }

    private static Socket connect(InetSocketAddress at) throws IOException {
        Socket socket = new Socket();
        socket.connect(at, 2_000);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String exchange(Socket socket, String request) throws IOException {
        send(socket, ascii(request));
        return new String(receive(socket), StandardCharsets.US_ASCII);
    }

    private static void send(Socket socket, byte[] message) throws IOException {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(message.length);
        out.write(message);
        out.flush();
    }

    private static byte[] receive(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] message = new byte[in.readInt()];
        in.readFully(message);
        return message;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Condition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.holds()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within 5 s");
            Thread.sleep(20);
        }
    }
}
