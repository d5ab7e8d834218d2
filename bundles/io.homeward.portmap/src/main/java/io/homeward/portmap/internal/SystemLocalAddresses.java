package io.homeward.portmap.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@link LocalAddresses} of the interfaces that are up, as the operating system reports them. */
final class SystemLocalAddresses implements LocalAddresses {

    @Override
    public List<Inet4Address> ipv4() {
        List<Inet4Address> found = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nif.isUp() && !nif.isLoopback()) {
                    for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                        if (a instanceof Inet4Address v4) {
                            found.add(v4);
                        }
                    }
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException("the network interfaces cannot be listed: " + e.getMessage(), e);
        }
        return found;
    }
}
