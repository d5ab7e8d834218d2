package io.homeward.netwatch.internal;

import java.net.Inet6Address;
import java.net.InetAddress;

import io.homeward.kit.text.Ipv6Text;

/** Addresses as operators and {@code ip} write them: IPv6 in the RFC 5952 form ({@code fd00::2}), no zone. */
final class AddressText {
    private AddressText() {
    }

    static String of(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        return Ipv6Text.format((Inet6Address) address);
    }
}
