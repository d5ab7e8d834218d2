package io.homeward.portmap.pcp.internal.net;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

/** What the mapper needs to know about this host's network; tests replace it. */
public interface GatewayNetwork {

    /** The default IPv4 gateway, if the host has one. */
    Optional<InetAddress> defaultGateway() throws IOException;

    /** The local address this host uses to reach the gateway (the address the gateway sees). */
    InetAddress localAddressToward(InetAddress gateway) throws IOException;
}
