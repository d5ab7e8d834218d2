package io.homeward.rendezvous.transport.internal;

import java.net.InetAddress;

/**
 * Where and how the DNS listeners run.
 *
 * @param bindAddress     the local address of every listener
 * @param port            UDP and TCP port; 0 picks a free one (TCP then takes the same number as UDP)
 * @param tlsPort         DNS over TLS port; 0 picks a free one
 * @param stream          limits of TCP and TLS connections
 * @param workers         threads running the request handler
 * @param pendingRequests messages allowed to wait for a worker before new ones are dropped
 */
record ListenerSettings(InetAddress bindAddress, int port, int tlsPort, StreamSettings stream, int workers, int pendingRequests) {
}
