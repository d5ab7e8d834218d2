package io.homeward.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletResponse;

class LiveEventsTest {
    private static final Duration CHECK = Duration.ofMillis(5);

    /** A response that keeps what was written, the error sent, and can fail its flushes after a number of them. */
    private static final class StreamResponse {
        final StringWriter body = new StringWriter();
        final List<String> calls = new CopyOnWriteArrayList<>();
        volatile int error;
        volatile int flushesBeforeFailure = Integer.MAX_VALUE;
        final AtomicInteger flushes = new AtomicInteger();

        HttpServletResponse response() {
            PrintWriter writer = new PrintWriter(body);
            return (HttpServletResponse) Proxy.newProxyInstance(HttpServletResponse.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getWriter" -> {
                                return writer;
                            }
                            case "flushBuffer" -> {
                                if (flushes.incrementAndGet() > flushesBeforeFailure) {
                                    throw new IOException("Broken pipe");
                                }
                            }
                            case "sendError" -> error = (Integer) args[0];
                            default -> calls.add(method.getName() + (args == null ? "" : List.of(args)));
                        }
                        return null;
                    });
        }

        String text() {
            return body.toString();
        }
    }

    private static LiveEvents events(Duration keepalive, Duration lifetime, int streams) {
        return new LiveEvents(Clock.systemUTC(), new LiveEvents.Timing(CHECK, keepalive, lifetime, streams));
    }

    @Test
    void sendsTheLivePartFirstAndThenOnlyWhenItRendersDifferently() throws Exception {
        AtomicInteger renders = new AtomicInteger();
        StreamResponse stream = new StreamResponse();

        events(Duration.ofHours(1), Duration.ofMillis(300), 1).answer(stream.response(),
                () -> renders.incrementAndGet() < 4 ? "<p>a</p>\n<p>b</p>" : "<p>c</p>");

        assertTrue(renders.get() > 4, "rendered again every check: " + renders);
        assertEquals("retry: 1000\n\ndata: <p>a</p>\ndata: <p>b</p>\n\ndata: <p>c</p>\n\n", stream.text());
        assertTrue(stream.calls.contains("setContentType[text/event-stream]"), stream.calls.toString());
        assertTrue(stream.calls.contains("setHeader[Cache-Control, no-store]"), stream.calls.toString());
    }

    @Test
    void aQuietStreamSendsACommentLineAtItsKeepalive() throws Exception {
        StreamResponse stream = new StreamResponse();

        events(Duration.ZERO, Duration.ofMillis(100), 1).answer(stream.response(), () -> "same");

        assertTrue(stream.text().startsWith("retry: 1000\n\ndata: same\n\n:\n\n"), stream.text());
        assertEquals(1, stream.text().split("data: ", -1).length - 1, "the part itself only once: " + stream.text());
    }

    @Test
    void aPageServesItsBoundOfStreamsAndEndsThemWhenClosed() throws Exception {
        LiveEvents events = events(Duration.ofHours(1), Duration.ofHours(1), 1);
        StreamResponse first = new StreamResponse();
        Thread open = new Thread(() -> {
            try {
                events.answer(first.response(), () -> "live");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        open.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!first.text().contains("data: live") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }

        StreamResponse second = new StreamResponse();
        events.answer(second.response(), () -> "live");
        assertEquals(HttpServletResponse.SC_SERVICE_UNAVAILABLE, second.error, "beyond the bound");
        assertEquals("", second.text());

        events.close();
        open.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(open.isAlive(), "the open stream ended when the page closed");

        StreamResponse third = new StreamResponse();
        events.answer(third.response(), () -> "live");
        assertEquals(HttpServletResponse.SC_SERVICE_UNAVAILABLE, third.error, "a closed page streams no more");
    }

    @Test
    void aBrowserThatWentAwayEndsItsStreamAndFreesItsPlace() throws Exception {
        LiveEvents events = events(Duration.ZERO, Duration.ofHours(1), 1);
        StreamResponse gone = new StreamResponse();
        gone.flushesBeforeFailure = 2;

        events.answer(gone.response(), () -> "live");

        assertEquals(3, gone.flushes.get(), "ended at the failed flush");
        StreamResponse next = new StreamResponse();
        next.flushesBeforeFailure = 0;
        events.answer(next.response(), () -> "live");
        assertEquals(0, next.error, "the place was free again");
    }

    @Test
    void everyLineOfThePartIsADataLineWhateverItsLineBreak() {
        assertEquals("data: x\ndata: y\ndata: z\ndata: \n\n", LiveEvents.event("x\r\ny\rz\n"));
    }
}
