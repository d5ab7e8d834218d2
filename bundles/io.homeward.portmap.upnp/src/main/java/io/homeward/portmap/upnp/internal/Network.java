package io.homeward.portmap.upnp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;

/** The host's view of its network, behind a seam so tests run on loopback without root. */
interface Network {

    /** A local IPv4 address and the interface it is on: a place M-SEARCH goes out from. */
    record LanAddress(InetAddress address, NetworkInterface networkInterface) {
    }

    /** IPv4 addresses of interfaces that are up, not loopback and multicast capable. */
    List<LanAddress> lanAddresses() throws IOException;

    /** The local address the routing table picks to reach {@code remote}; nothing is sent. */
    InetAddress localAddressTowards(InetAddress remote, int port) throws IOException;
}
