package io.homeward.portmap.upnp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;

/** A host whose only LAN is loopback, so every test stays on 127.0.0.1. */
final class LoopbackNetwork implements Network {
    @Override
    public List<LanAddress> lanAddresses() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return List.of(new LanAddress(loopback, NetworkInterface.getByInetAddress(loopback)));
    }

    @Override
    public InetAddress localAddressTowards(InetAddress remote, int port) {
        return InetAddress.getLoopbackAddress();
    }
}
