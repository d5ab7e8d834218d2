package io.homeward.portmap.upnp.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@link Network} as the operating system reports it. */
final class SystemNetwork implements Network {

    @Override
    public List<LanAddress> lanAddresses() throws IOException {
        List<LanAddress> found = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback() || !nif.supportsMulticast()) {
                continue;
            }
            for (InterfaceAddress a : nif.getInterfaceAddresses()) {
                if (a.getAddress() instanceof Inet4Address v4 && !v4.isLinkLocalAddress()) {
                    found.add(new LanAddress(v4, nif));
                }
            }
        }
        return found;
    }

    @Override
    public InetAddress localAddressTowards(InetAddress remote, int port) throws IOException {
        // Connecting a UDP socket only consults the routing table (no packet leaves).
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(remote, port);
            InetAddress local = probe.getLocalAddress();
            if (local == null || local.isAnyLocalAddress()) {
                throw new IOException("no route from this host to the gateway " + remote.getHostAddress());
            }
            return local;
        }
    }
}
