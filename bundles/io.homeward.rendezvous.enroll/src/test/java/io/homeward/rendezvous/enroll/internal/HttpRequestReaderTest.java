package io.homeward.rendezvous.enroll.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class HttpRequestReaderTest {
    private static final HttpLimits LIMITS = new HttpLimits(HttpLimits.MAX_HEAD, HttpLimits.MAX_BODY,
            Duration.ofSeconds(10), 8, 2);

    private static HttpRequest read(String text) throws Exception {
        return HttpRequestReader.read(stream(text.getBytes(StandardCharsets.ISO_8859_1)), LIMITS);
    }

    /** Hands out at most 7 bytes per read, as a network would in pieces. */
    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    private static void assertStatus(int status, String fragment, String text) {
        HttpException e = assertThrows(HttpException.class, () -> read(text));
        assertEquals(status, e.status(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void readsAGetAndAPostInPieces() throws Exception {
        HttpRequest get = read("GET /.well-known/est/cacerts?x=1 HTTP/1.1\r\nHost: r\r\n\r\n");
        assertEquals("GET", get.method());
        assertEquals("/.well-known/est/cacerts", get.path());
        assertEquals(Optional.of("r"), get.header("HOST"));

        HttpRequest post = read("POST /p HTTP/1.1\r\nContent-Length: 5\r\nAuthorization:  Homeward-Key x \r\n\r\nhello");
        assertArrayEquals("hello".getBytes(), post.body());
        assertEquals(Optional.of("Homeward-Key x"), post.header("authorization"));
    }

    @Test
    void boundsTheHeadAndTheBody() {
        assertStatus(413, "larger than 8192 bytes", "GET / HTTP/1.1\r\nX: " + "a".repeat(9000) + "\r\n\r\n");
        assertStatus(413, "larger than 16384 bytes", "POST / HTTP/1.1\r\nContent-Length: 16385\r\n\r\n");
        assertStatus(413, "larger than 16384 bytes", "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n");
    }

    @Test
    void aPostNeedsAContentLength() {
        assertStatus(411, "needs a Content-Length", "POST / HTTP/1.1\r\nHost: r\r\n\r\n");
        assertStatus(411, "not a Transfer-Encoding", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        assertStatus(400, "not a number", "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n");
        assertStatus(400, "appears twice", "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab");
    }

    @Test
    void refusesGarbageAndShortBodies() {
        assertStatus(400, "not an HTTP request line", "\u0016\u0003\u0001garbage\r\n\r\n");
        assertStatus(400, "only HTTP/1.1", "GET / HTTP/2.0\r\n\r\n");
        assertStatus(400, "not 'name: value'", "GET / HTTP/1.1\r\nno colon here\r\n\r\n");
        assertStatus(400, "before the request's headers did", "GET / HTTP/1.1\r\nHost: r\r\n");
        assertStatus(400, "bytes before the body did", "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nshort");
        assertStatus(400, "more bytes than the Content-Length", "POST / HTTP/1.1\r\nContent-Length: 1\r\n\r\nlonger");
    }
}
