package io.homeward.rendezvous.enroll.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.LogLevel;

import io.homeward.rendezvous.enroll.internal.EstClient.Answer;

/** The bounds a client on the Internet meets: over real TLS, on a server with a short deadline and two slots. */
class ConnectionBoundsTest {
    private static final Duration DEADLINE = Duration.ofMillis(800);

    @TempDir
    Path data;

    private EnrollmentFixture fixture() throws Exception {
        return new EnrollmentFixture(data, new HttpLimits(HttpLimits.MAX_HEAD, HttpLimits.MAX_BODY, DEADLINE, 2, 2));
    }

    @Test
    void aClientThatKeepsSendingSlowlyIsCutOffAtTheDeadline() throws Exception {
        try (EnrollmentFixture fixture = fixture(); SSLSocket socket = fixture.client().connect()) {
            OutputStream out = socket.getOutputStream();
            long start = System.nanoTime();
            byte[] head = "GET /.well-known/est/cacerts HTTP/1.1\r\nX: ".getBytes(StandardCharsets.US_ASCII);
            out.write(head);
            InputStream in = socket.getInputStream();
            assertThrows(IOException.class, () -> {
                for (int i = 0; i < 40; i++) {
                    out.write('a');
                    out.flush();
                    Thread.sleep(100);
                }
                if (in.read() < 0) {
                    throw new IOException("closed");
                }
            });
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(elapsed < 3_000, "cut off after " + elapsed + " ms");
            Thread.sleep(100);
            assertTrue(fixture.log.has(LogLevel.INFO, "with 408: no whole request within"), fixture.log.toString());
        }
    }

    @Test
    void oversizedHeadersAndBodiesAreAnsweredOverTls() throws Exception {
        try (EnrollmentFixture fixture = fixture()) {
            Answer head = fixture.client().send(("GET / HTTP/1.1\r\nX: " + "a".repeat(10_000) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals(413, head.status());
            Answer body = fixture.client().post(EstRoutes.SIMPLEENROLL, null, new byte[20_000]);
            assertEquals(413, body.status());
            Answer length = fixture.client().send("POST /.well-known/est/simpleenroll HTTP/1.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertEquals(411, length.status());
            assertEquals("close", length.header("connection"));
        }
    }

    @Test
    void connectionsBeyondTheCapAreClosedAndPlainTextFailsTheHandshake() throws Exception {
        try (EnrollmentFixture fixture = fixture();
                SSLSocket first = fixture.client().connect();
                SSLSocket second = fixture.client().connect()) {
            first.startHandshake();
            second.startHandshake();
            try (Socket third = new Socket(InetAddress.getLoopbackAddress(), fixture.server.port())) {
                third.setSoTimeout(5_000);
                long start = System.nanoTime();
                assertEquals(-1, third.getInputStream().read(), "closed");
                assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(DEADLINE.dividedBy(2)) < 0, "at once");
            }
            assertTrue(fixture.log.has(LogLevel.INFO, "with 503: 2 connections are open already"), fixture.log.toString());
            try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), fixture.server.port())) {
                first.close();
                plain.setSoTimeout(5_000);
                plain.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] answer = plain.getInputStream().readAllBytes();
                assertTrue(answer.length < 16, "no HTTP answer to plain text");
            }
        }
    }
}
