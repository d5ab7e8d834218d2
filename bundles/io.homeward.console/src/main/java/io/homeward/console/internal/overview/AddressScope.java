package io.homeward.console.internal.overview;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Who can send to an address: this machine only, the local network, or anyone on the Internet. */
enum AddressScope {
    LOOPBACK, LOCAL_NETWORK, INTERNET;

    static AddressScope of(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            return LOOPBACK;
        }
        byte[] a = address.getAddress();
        boolean sharedAddressSpace = address instanceof Inet4Address && (a[0] & 0xff) == 100 && (a[1] & 0xc0) == 64;
        boolean uniqueLocal = address instanceof Inet6Address && (a[0] & 0xfe) == 0xfc;
        // RFC 1918 private, RFC 3927 / RFC 4291 link-local, RFC 6598 shared (carrier-grade NAT), RFC 4193 ULA.
        if (address.isSiteLocalAddress() || address.isLinkLocalAddress() || sharedAddressSpace || uniqueLocal) {
            return LOCAL_NETWORK;
        }
        return INTERNET;
    }
}
