package io.homeward.rendezvous.transport.internal;

/**
 * The time one stream connection has to complete the message it is receiving (RFC 7766 §6.2.3 lets a server close
 * connections to keep its resources). It runs from the connection's opening until the first message is complete
 * (so a TLS handshake counts too), and later from the first byte of each message; it does not run between messages,
 * so a quiet session that sends its keepalives in whole messages is never cut by it. Selector thread only.
 */
final class MessageDeadline {
    private static final long NONE = Long.MIN_VALUE;

    private final long limitMillis;
    private long startedAt;
    private boolean completedOne;

    MessageDeadline(long limitMillis, long openedAt) {
        this.limitMillis = limitMillis;
        this.startedAt = openedAt;
    }

    /** A message is complete: the clock stops until the next one begins. */
    void completed() {
        completedOne = true;
        startedAt = NONE;
    }

    /** After new input: starts the clock when part of a message is now waiting for the rest. */
    void afterInput(boolean midMessage, long now) {
        if (midMessage && startedAt == NONE) {
            startedAt = now;
        } else if (!midMessage && completedOne) {
            // What arrived was no message (a TLS record without DNS bytes): nothing is pending.
            startedAt = NONE;
        }
    }

    /** True when the message being received has taken the whole limit. */
    boolean expired(long now) {
        return startedAt != NONE && now - startedAt >= limitMillis;
    }

    long limitMillis() {
        return limitMillis;
    }
}
