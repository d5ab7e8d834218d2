package io.homeward.resolver.internal;

import java.net.Inet6Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;

/** Which interface carries an address now, and whether an interface is there at all; the seam tests replace. */
interface InterfaceLookup {

    Optional<String> interfaceOf(Inet6Address address);

    boolean exists(String name);

    /** The kernel's view, through the JDK; an error reading it counts as "on no interface". */
    static InterfaceLookup system() {
        return new InterfaceLookup() {
            @Override
            public Optional<String> interfaceOf(Inet6Address address) {
                try {
                    return Optional.ofNullable(NetworkInterface.getByInetAddress(address))
                            .map(NetworkInterface::getName);
                } catch (SocketException e) {
                    return Optional.empty();
                }
            }

            @Override
            public boolean exists(String name) {
                try {
                    return NetworkInterface.getByName(name) != null;
                } catch (SocketException e) {
                    return false;
                }
            }
        };
    }
}
