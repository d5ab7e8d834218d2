package io.homeward.rendezvous.transport.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeward.api.dns.DnsRequestHandler;

/** A response far larger than the output queue, such as the zone transfer of a 50,000-record zone. */
class StreamBackPressureTest {
    /** 2,000 messages of 60,000 bytes: 120 MB, about 460 times the 256 KiB queue. */
    static final int MESSAGES = 2_000;
    static final int SIZE = 60_000;
    static final long QUEUE = 256 * 1024;

    @TempDir
    Path data;

    @Test
    void sendsASeriesLargerThanTheQueueAsTheClientReads() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        DnsRequestHandler handler = (message, responder) -> {
            if (Messages.id(message) == 1) {
                responder.sendAll(series(produced));
            } else {
                responder.send(message);
            }
        };
        try (ListenerHarness server = new ListenerHarness(data, handler, ListenerHarness.stream(4, 30_000, QUEUE));
                Socket socket = new Socket()) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.status().tcpPort()));
            socket.setSoTimeout(10_000);
            Messages.write(socket.getOutputStream(), Messages.query(1, 12));
            Await.until("the transfer starts", () -> produced.get() > 0);
            Thread.sleep(500);
            assertTrue(produced.get() < MESSAGES / 2, "messages are produced only as the client reads, not all at"
                    + " once: " + produced.get() + " of " + MESSAGES + " produced while the client did not read");

            try (Socket other = server.tcpClient()) {
                byte[] query = Messages.query(2, 20);
                Messages.write(other.getOutputStream(), query);
                assertArrayEquals(query, Messages.read(other.getInputStream()),
                        "the I/O thread serves other connections while the transfer waits");
            }

            InputStream in = socket.getInputStream();
            for (int i = 0; i < MESSAGES; i++) {
                byte[] message = Messages.read(in);
                assertEquals(SIZE, message.length);
                assertEquals(i & 0xffff, Messages.id(message), "messages arrive whole and in order");
            }
            assertEquals(MESSAGES, produced.get());
            byte[] after = Messages.query(3, 12);
            Messages.write(socket.getOutputStream(), after);
            assertArrayEquals(after, Messages.read(in), "the connection stays open after the series");
        }
    }

    private static Iterator<byte[]> series(AtomicInteger produced) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return produced.get() < MESSAGES;
            }

            @Override
            public byte[] next() {
                return Messages.query(produced.getAndIncrement(), SIZE);
            }
        };
    }
}
