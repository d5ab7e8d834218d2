package io.homeward.rendezvous.enroll.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * This host's addresses another machine may reach, for the rendezvous to listen on: those of interfaces that are up,
 * but no loopback, link-local (RFC 3927, RFC 4291 §2.5.6) or IPv6 unique local address (RFC 4193: the Homeward
 * tunnel's own), IPv4 first.
 */
final class LocalAddresses {
    private LocalAddresses() {
    }

    static List<InetAddress> current() {
        try {
            return eligible(NetworkInterface.networkInterfaces().filter(LocalAddresses::up)
                    .flatMap(NetworkInterface::inetAddresses));
        } catch (SocketException e) {
            return List.of();
        }
    }

    static List<InetAddress> eligible(Stream<InetAddress> addresses) {
        return addresses.filter(LocalAddresses::reachableFromOthers).distinct()
                .sorted(Comparator.comparing((InetAddress a) -> !(a instanceof Inet4Address))
                        .thenComparing(InetAddress::getHostAddress))
                .toList();
    }

    static boolean reachableFromOthers(InetAddress address) {
        boolean uniqueLocal = !(address instanceof Inet4Address) && (address.getAddress()[0] & 0xfe) == 0xfc;
        return !address.isLoopbackAddress() && !address.isAnyLocalAddress() && !address.isLinkLocalAddress()
                && !address.isMulticastAddress() && !uniqueLocal;
    }

    private static boolean up(NetworkInterface nif) {
        try {
            return nif.isUp() && !nif.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
