package io.homeward.kerberos.internal.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.osgi.service.log.Logger;

import io.homeward.kit.log.CountedLog;
import io.homeward.kit.net.Endpoints;

/**
 * What the front door logs, at a bounded rate whatever senders do. Requests from sources outside the tunnel are
 * logged at most once per {@link #INTERVAL} per address; at most {@link #MAX_REMEMBERED} addresses are remembered, and
 * refusals from addresses beyond them are counted and summarised once per interval by the kit's {@link CountedLog}, so
 * many (spoofed) addresses cannot flood the log either. Handler failures (an engine bug a request provoked) and
 * connections over the limit are logged once per interval (a failure with its stack trace), the others counted and
 * summarised.
 */
final class FrontDoorLog {
    static final Duration INTERVAL = Duration.ofMinutes(1);
    static final int MAX_REMEMBERED = 1024;

    private final Clock clock;
    private final Logger log;
    private final Map<InetAddress, Long> lastLogged = new HashMap<>();
    private final CountedLog unremembered;
    private final CountedLog failures;
    private final CountedLog overLimit;

    FrontDoorLog(Clock clock, Logger log) {
        this.clock = clock;
        this.log = log;
        this.unremembered = new CountedLog(log, clock, INTERVAL);
        this.failures = new CountedLog(log, clock, INTERVAL);
        this.overLimit = new CountedLog(log, clock, INTERVAL);
    }

    /** A connection was closed when accepted: all the slots were taken. */
    void overLimit(InetAddress client, String listener, int maxConnections) {
        overLimit.info("KDC connections closed over the limit", client,
                "KDC {}: closed a connection from {}: {} connections are open, the most it serves at once", listener,
                client.getHostAddress(), maxConnections);
    }

    /** The handler threw on a request from {@code client}; the request was not answered. */
    void handlerFailed(InetSocketAddress client, String transport, Throwable failure) {
        failures.info("KDC requests the handler failed on", client.getAddress(),
                "KDC: a {} request from {} was not answered: the handler failed: {}", transport,
                Endpoints.text(client), failure.toString(), failure);
    }

    synchronized void refused(InetAddress source, String listener) {
        unremembered.flush();
        long now = clock.millis();
        Long last = lastLogged.get(source);
        if (last != null && now - last < INTERVAL.toMillis()) {
            return;
        }
        if (last == null && lastLogged.size() >= MAX_REMEMBERED) {
            lastLogged.values().removeIf(t -> now - t >= INTERVAL.toMillis());
        }
        if (last == null && lastLogged.size() >= MAX_REMEMBERED) {
            unremembered.info("refused KDC requests from addresses beyond the " + MAX_REMEMBERED + " remembered",
                    source, "KDC {}: refused a request from {}: not a source in the tunnel", listener,
                    source.getHostAddress());
            return;
        }
        lastLogged.put(source, now);
        log.warn("KDC {}: refused a request from {}: not a source in the tunnel (logged at most once per {} s per"
                + " address)", listener, source.getHostAddress(), INTERVAL.toSeconds());
    }
}
