package io.homeward.resolver.internal;

import java.net.Inet6Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

/** Which interface carries an address now; the seam tests replace. */
@FunctionalInterface
interface InterfaceLookup {

    Optional<String> interfaceOf(Inet6Address address);

    /** The kernel's view, through the JDK; an error reading it counts as "on no interface". */
    static InterfaceLookup system() {
        return address -> {
            try {
                return Optional.ofNullable(NetworkInterface.getByInetAddress(address)).map(NetworkInterface::getName);
            } catch (SocketException e) {
                return Optional.empty();
            }
        };
    }
}
