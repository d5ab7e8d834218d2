package io.homeward.rendezvous.transport.internal;

/**
 * What the listeners are doing, for a console page.
 *
 * @param udpPort             the bound UDP port
 * @param tcpPort             the bound TCP port
 * @param tlsPort             the bound DNS over TLS port
 * @param tcpConnections      open TCP connections
 * @param tlsConnections      open TLS connections
 * @param droppedRequests     messages dropped because every worker was busy
 * @param refusedConnections  connections refused by the per-client or total limit
 * @param tlsFingerprint      SHA-256 of the TLS certificate, for pinning
 */
public record ListenerStatus(int udpPort, int tcpPort, int tlsPort, int tcpConnections, int tlsConnections,
        long droppedRequests, long refusedConnections, String tlsFingerprint) {
}
