package io.homeward.rendezvous.dns.internal.watch;

import java.time.Duration;

/**
 * Limits and timers of long-lived queries (RFC 8764) and DNS Push subscriptions (RFC 8765).
 *
 * @param llqLeaseMin        shortest LLQ lease granted, seconds
 * @param llqLeaseMax        longest LLQ lease granted, seconds
 * @param llqPerClient       LLQs one client address may hold
 * @param llqTotal           LLQs the server holds in total
 * @param pushPerConnection  subscriptions one DSO session may hold
 * @param pushTotal          subscriptions the server holds in total
 * @param pushInactivity     DSO inactivity timeout told to clients (RFC 8490 §6.4)
 * @param pushKeepalive      DSO keepalive interval told to clients, at least 10 s (RFC 8490 §6.5.2)
 * @param retryDelay         how long a refused client should wait before trying again
 */
public record WatchSettings(long llqLeaseMin, long llqLeaseMax, int llqPerClient, int llqTotal, int pushPerConnection,
        int pushTotal, Duration pushInactivity, Duration pushKeepalive, Duration retryDelay) {
    /** RFC 8490 §6.5.2: a keepalive interval below ten seconds is a protocol error. */
    public static final Duration MIN_KEEPALIVE = Duration.ofSeconds(10);
    /** The defaults of the component's configuration. */
    public static final WatchSettings DEFAULTS = new WatchSettings(900, 7200, 64, 10_000, 1024, 10_000,
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(10));

    public WatchSettings {
        if (llqLeaseMin < 1 || llqLeaseMax < llqLeaseMin) {
            throw new IllegalArgumentException("the LLQ lease range " + llqLeaseMin + ".." + llqLeaseMax
                    + " s is empty; the minimum must be at least 1 and not above the maximum");
        }
        if (llqPerClient < 1 || llqTotal < 1 || pushPerConnection < 1 || pushTotal < 1) {
            throw new IllegalArgumentException("LLQ and push limits must be at least 1");
        }
        if (pushKeepalive.compareTo(MIN_KEEPALIVE) < 0) {
            throw new IllegalArgumentException("the DSO keepalive interval must be at least 10 s, not " + pushKeepalive);
        }
        if (pushInactivity.isNegative() || retryDelay.isNegative()) {
            throw new IllegalArgumentException("the DSO inactivity timeout and the retry delay cannot be negative");
        }
    }

    public long clampLease(long requested) {
        return Math.max(llqLeaseMin, Math.min(llqLeaseMax, requested));
    }
}
