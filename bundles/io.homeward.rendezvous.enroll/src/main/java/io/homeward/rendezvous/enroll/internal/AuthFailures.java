package io.homeward.rendezvous.enroll.internal;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed authentications per source address, in fixed windows: after {@link #LIMIT} in a window, that address gets
 * 429 until the window ends. At most {@link #MAX_ADDRESSES} addresses are remembered; the one unseen longest is
 * forgotten first.
 */
final class AuthFailures {
    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int MAX_ADDRESSES = 4096;

    private record Window(Instant start, int count) {
    }

    private final Clock clock;
    private final Map<InetAddress, Window> windows = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Window> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    AuthFailures(Clock clock) {
        this.clock = clock;
    }

    synchronized boolean blocked(InetAddress from) {
        Window window = current(from);
        return window != null && window.count() >= LIMIT;
    }

    synchronized void failed(InetAddress from) {
        Window window = current(from);
        windows.put(from, window == null ? new Window(clock.instant(), 1) : new Window(window.start(), window.count() + 1));
    }

    private Window current(InetAddress from) {
        Window window = windows.get(from);
        if (window != null && !clock.instant().isBefore(window.start().plus(WINDOW))) {
            windows.remove(from);
            return null;
        }
        return window;
    }
}
