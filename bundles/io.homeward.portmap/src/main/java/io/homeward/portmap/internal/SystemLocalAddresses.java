package io.homeward.portmap.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** This host's IPv4 addresses on the interfaces that are up, as the operating system reports them. */
final class SystemLocalAddresses implements LocalAddresses, LocalIpv4 {
    /** TEST-NET-1 (RFC 5737): routed like any public address, never actually contacted. */
    private static final InetSocketAddress PROBE = new InetSocketAddress("192.0.2.1", 9);

    @Override
    public List<Inet4Address> ipv4() {
        try {
            return upInterfaces(false);
        } catch (SocketException e) {
            throw new IllegalStateException("the network interfaces cannot be listed: " + e.getMessage(), e);
        }
    }

    /**
     * The source address the kernel picks for the default route (a connected UDP socket sends nothing), else
     * the first IPv4 of an interface that is up, else loopback so a single-machine setup still publishes.
     */
    @Override
    public Optional<Inet4Address> primary() {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(PROBE);
            InetAddress chosen = socket.getLocalAddress();
            if (chosen instanceof Inet4Address v4 && !v4.isAnyLocalAddress()) {
                return Optional.of(v4);
            }
        } catch (IOException | RuntimeException e) {
            // No default route: look at the interfaces instead.
        }
        try {
            List<Inet4Address> up = upInterfaces(true);
            return up.stream().filter(a -> !a.isLoopbackAddress()).findFirst()
                    .or(() -> up.stream().filter(Inet4Address::isLoopbackAddress).reduce((first, last) -> last));
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static List<Inet4Address> upInterfaces(boolean withLoopback) throws SocketException {
        List<Inet4Address> found = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nif.isUp() && (withLoopback || !nif.isLoopback())) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address v4) {
                        found.add(v4);
                    }
                }
            }
        }
        return found;
    }
}
