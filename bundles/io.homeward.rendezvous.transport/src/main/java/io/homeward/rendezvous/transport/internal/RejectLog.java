package io.homeward.rendezvous.transport.internal;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.osgi.service.log.Logger;

import io.homeward.kit.log.CountedLog;

/**
 * Logs refused connections at most once per interval per client address, so a client that keeps
 * reconnecting cannot flood the log. Remembers at most a bounded number of addresses; refusals of the
 * addresses beyond them are counted and summarised once per interval, so many addresses cannot flood it either.
 */
final class RejectLog {
    private static final int MAX_REMEMBERED = 4096;

    private final Clock clock;
    private final Duration interval;
    private final Logger log;
    private final Map<InetAddress, Long> lastLogged = new HashMap<>();
    private final CountedLog unremembered;
    private long rejected;

    RejectLog(Clock clock, Duration interval, Logger log) {
        this.clock = clock;
        this.interval = interval;
        this.log = log;
        this.unremembered = new CountedLog(log, clock, interval);
    }

    synchronized void rejected(InetAddress client, String listener, String reason) {
        rejected++;
        unremembered.flush();
        long now = clock.millis();
        Long last = lastLogged.get(client);
        if (last != null && now - last < interval.toMillis()) {
            return;
        }
        if (lastLogged.size() >= MAX_REMEMBERED) {
            lastLogged.values().removeIf(t -> now - t >= interval.toMillis());
        }
        if (lastLogged.size() >= MAX_REMEMBERED) {
            unremembered.info("refused connections from addresses beyond the " + MAX_REMEMBERED + " remembered", client,
                    "{}: refused a connection from {}: {}", listener, client.getHostAddress(), reason);
            return;
        }
        lastLogged.put(client, now);
        log.warn("{}: refused a connection from {}: {} (logged at most once per {} s per client)",
                listener, client.getHostAddress(), reason, interval.toSeconds());
    }

    synchronized long rejectedCount() {
        return rejected;
    }
}
