package io.homeward.kit.log;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.osgi.service.log.Logger;

/**
 * Log lines an unauthenticated sender can provoke, kept to a bounded rate: per kind of event, the first one of
 * each interval is logged in full; the others are only counted, and one summary line per interval says how many
 * there were and from how many addresses ("412 more refused UPDATEs from 3 addresses in the 60 s from ..."). The
 * summary of a window is written with the next event after it or by {@link #flush}, which the owner may call
 * from a timer. Memory stays bounded whatever the flood: addresses are counted up to a cap.
 */
public final class CountedLog {
    /** Distinct addresses remembered per kind and window; beyond it the summary says "at least". */
    static final int MAX_ADDRESSES = 1024;

    private final Logger log;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Window> windows = new HashMap<>();

    private static final class Window {
        final Instant start;
        final Set<InetAddress> addresses = new HashSet<>();
        long suppressed;
        boolean addressesCapped;

        Window(Instant start) {
            this.start = start;
        }
    }

    public CountedLog(Logger log, Clock clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * An event of {@code kind} (a plural noun phrase such as "refused UPDATEs") from {@code from}: logged at INFO
     * as {@code format} with {@code arguments} when it is the first of its kind in the interval, else counted.
     */
    public synchronized void info(String kind, InetAddress from, String format, Object... arguments) {
        Instant now = clock.instant();
        Window window = windows.get(kind);
        if (window != null && !expired(window, now)) {
            window.suppressed++;
            if (window.addresses.size() < MAX_ADDRESSES) {
                window.addresses.add(from);
            } else if (!window.addresses.contains(from)) {
                window.addressesCapped = true;
            }
            return;
        }
        if (window != null) {
            summarise(kind, window);
        }
        windows.put(kind, new Window(now));
        log.info(format, arguments);
    }

    /** Writes the summaries of the windows that have ended and forgets them. */
    public synchronized void flush() {
        Instant now = clock.instant();
        windows.entrySet().removeIf(e -> {
            if (!expired(e.getValue(), now)) {
                return false;
            }
            summarise(e.getKey(), e.getValue());
            return true;
        });
    }

    private boolean expired(Window window, Instant now) {
        return !now.isBefore(window.start.plus(interval));
    }

    private void summarise(String kind, Window window) {
        if (window.suppressed == 0) {
            return;
        }
        log.info("{} more {} from {}{} address{} in the {} s from {}", window.suppressed, kind,
                window.addressesCapped ? "at least " : "", window.addresses.size(),
                window.addresses.size() == 1 ? "" : "es", interval.toSeconds(), window.start);
    }
}
