package io.homeward.watcher.internal;

/**
 * One subscription as the console and {@code homeward:watches} show it.
 *
 * @param leaseExpiry epoch milliseconds when the current LLQ lease ends, 0 without a lease
 * @param lastEvent   epoch milliseconds of the last answer set or change, 0 before any
 */
public record WatchStatus(String name, String type, String mechanism, long leaseExpiry, long lastEvent) {
}
