package io.homeward.portmap.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;

/**
 * The source address the kernel picks for the default route (a connected UDP socket sends nothing), else
 * the first IPv4 of an interface that is up, else loopback so a single-machine setup still publishes.
 */
final class SystemLocalIpv4 implements LocalIpv4 {
    /** TEST-NET-1 (RFC 5737): routed like any public address, never actually contacted. */
    private static final InetSocketAddress PROBE = new InetSocketAddress("192.0.2.1", 9);

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
        return fromInterfaces();
    }

    private static Optional<Inet4Address> fromInterfaces() {
        Inet4Address loopback = null;
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nif.getInetAddresses())) {
                    if (address instanceof Inet4Address v4) {
                        if (!v4.isLoopbackAddress()) {
                            return Optional.of(v4);
                        }
                        loopback = v4;
                    }
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(loopback);
    }
}
