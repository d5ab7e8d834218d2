package io.homeward.rendezvous.transport.internal;

/**
 * Limits shared by the TCP and TLS listeners.
 *
 * @param maxPerClient          open connections allowed from one client address
 * @param maxPerNetwork         open connections allowed from one IPv4 /24 or IPv6 /56
 * @param maxTotal              open connections allowed in total
 * @param maxUnauthenticated    of those, connections on which no signed message was verified yet
 * @param idleTimeoutMillis     silence after which a connection is closed (RFC 7766 §6.2.3)
 * @param messageDeadlineMillis time a message may take to arrive, from its first byte (the first message, with the
 *                              TLS handshake, from the connection's opening)
 * @param maxQueuedBytes        unsent response bytes after which a connection is closed
 * @param backlog               the accept backlog of the listening socket
 */
record StreamSettings(int maxPerClient, int maxPerNetwork, int maxTotal, int maxUnauthenticated, long idleTimeoutMillis,
        long messageDeadlineMillis, long maxQueuedBytes, int backlog) {
    static final int DEFAULT_PER_NETWORK = 64;
    static final int DEFAULT_UNAUTHENTICATED_PERCENT = 75;
    static final int DEFAULT_MESSAGE_DEADLINE_SECONDS = 10;

    /** Limits with the default network limit, share for unauthenticated connections and message deadline. */
    StreamSettings(int maxPerClient, int maxTotal, long idleTimeoutMillis, long maxQueuedBytes, int backlog) {
        this(maxPerClient, DEFAULT_PER_NETWORK, maxTotal, share(maxTotal, DEFAULT_UNAUTHENTICATED_PERCENT),
                idleTimeoutMillis, DEFAULT_MESSAGE_DEADLINE_SECONDS * 1000L, maxQueuedBytes, backlog);
    }

    /** The slots {@code percent} of {@code total} allows, at least one. */
    static int share(int total, int percent) {
        return Math.max(1, (int) ((long) total * percent / 100));
    }
}
