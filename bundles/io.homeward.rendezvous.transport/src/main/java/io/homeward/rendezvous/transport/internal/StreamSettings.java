package io.homeward.rendezvous.transport.internal;

/**
 * Limits shared by the TCP and TLS listeners.
 *
 * @param maxPerClient      open connections allowed from one client address
 * @param maxTotal          open connections allowed in total
 * @param idleTimeoutMillis silence after which a connection is closed (RFC 7766 §6.2.3)
 * @param maxQueuedBytes    unsent response bytes after which a connection is closed
 * @param backlog           the accept backlog of the listening socket
 */
record StreamSettings(int maxPerClient, int maxTotal, long idleTimeoutMillis, long maxQueuedBytes, int backlog) {
}
