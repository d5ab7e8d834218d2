package io.homeward.tunnel.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;

/** Told when a peer's outer endpoint moves (NAT rebinding or a new network: RFC 7296 §2.23). */
@FunctionalInterface
interface EndpointListener {
    /** Called on the inbound thread: return quickly. {@code previous} is null if the endpoint was unknown. */
    void endpointChanged(Inet6Address peer, InetSocketAddress previous, InetSocketAddress current);
}
