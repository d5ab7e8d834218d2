package io.homeward.console.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page's live part pushed as server-sent events ({@code <label>.events}, HTML Living Standard §9.2
 * "Server-sent events"): the stream holds the request open and sends the live part first and then whenever it
 * renders differently, looked at every {@link Timing#check}; a comment every {@link Timing#keepalive} finds a closed
 * tab (the write fails) and keeps proxies and the HTTP service's idle timeout from cutting the stream. Each stream
 * holds one of the HTTP service's threads, so a page serves at most {@link Timing#streams} at once (the next is
 * answered 503 and the page's script falls back to fetching {@code .live}); a stream ends after
 * {@link Timing#lifetime} (the browser reconnects after {@link #RETRY}, with the login checked again) and every
 * stream ends when the page is deactivated ({@link #close}).
 */
public final class LiveEvents {
    private static final String SUFFIX = ".events";
    /** How long a browser waits before it reconnects an ended stream (the {@code retry} field). */
    static final Duration RETRY = Duration.ofSeconds(1);
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    /**
     * How streams are paced and bounded.
     *
     * @param check     how often the live part is rendered again and compared with what was sent
     * @param keepalive the longest silence before a comment line is sent
     * @param lifetime  how long one stream lasts before the browser is asked to reconnect
     * @param streams   how many streams a page serves at once
     */
    public record Timing(Duration check, Duration keepalive, Duration lifetime, int streams) {
        public static final Timing DEFAULT = new Timing(Duration.ofMillis(250), Duration.ofSeconds(5),
                Duration.ofMinutes(10), 8);
    }

    private final Clock clock;
    private final Timing timing;
    private final Semaphore slots;
    private final CountDownLatch closed = new CountDownLatch(1);

    public LiveEvents(Clock clock, Timing timing) {
        this.clock = clock;
        this.timing = timing;
        this.slots = new Semaphore(timing.streams());
    }

    /** Whether the request asks for the event stream ({@code <label>.events}). */
    public static boolean wanted(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && uri.endsWith(SUFFIX);
    }

    /**
     * Streams {@code live} until the browser goes away, the stream's lifetime ends or {@link #close} is called;
     * answers 503 when the page already serves all the streams it may.
     */
    public void answer(HttpServletResponse response, Supplier<String> live) throws IOException {
        if (closed.getCount() == 0 || !slots.tryAcquire()) {
            response.setHeader("Retry-After", "5");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "This page already streams to " + timing.streams() + " browser tabs; the page reloads its live"
                            + " part every few seconds instead.");
            return;
        }
        try {
            stream(response, live);
        } catch (IOException browserGone) {
            // the tab was closed or the connection dropped: the stream simply ends
        } finally {
            slots.release();
        }
    }

    private void stream(HttpServletResponse response, Supplier<String> live) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/event-stream");
        PrintWriter out = response.getWriter();
        out.write("retry: " + RETRY.toMillis() + "\n\n");
        Instant end = clock.instant().plus(timing.lifetime());
        Instant lastSent = Instant.MIN;
        String sent = null;
        do {
            String now = live.get();
            if (!now.equals(sent)) {
                out.write(event(now));
                sent = now;
                lastSent = clock.instant();
            } else if (!clock.instant().isBefore(lastSent.plus(timing.keepalive()))) {
                out.write(":\n\n");
                lastSent = clock.instant();
            }
            response.flushBuffer();
            if (out.checkError()) {
                return;
            }
        } while (!pause() && clock.instant().isBefore(end));
    }

    /** Waits one check period; true when the page closed its streams meanwhile. */
    private boolean pause() {
        try {
            return closed.await(timing.check().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** One event of the default type whose data is {@code html}, a {@code data:} line per line of it. */
    static String event(String html) {
        StringBuilder event = new StringBuilder(html.length() + 64);
        for (String line : LINE_BREAK.split(html, -1)) {
            event.append("data: ").append(line).append('\n');
        }
        return event.append('\n').toString();
    }

    /** Ends every stream within one check period and refuses new ones. */
    public void close() {
        closed.countDown();
    }
}
