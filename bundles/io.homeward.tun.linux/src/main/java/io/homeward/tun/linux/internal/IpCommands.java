package io.homeward.tun.linux.internal;

import java.net.Inet6Address;
import java.util.List;

import io.homeward.kit.text.Ipv6Text;


/** The iproute2 command lines that configure a TUN interface and its routes. */
final class IpCommands {
    private final String ip;

    IpCommands(String ip) {
        this.ip = ip;
    }

    List<String> setMtu(String device, int mtu) {
        return List.of(ip, "link", "set", "dev", device, "mtu", Integer.toString(mtu));
    }

    /**
     * The host's address as a /128. "replace" makes reopening an existing interface harmless; "nodad" makes the
     * address usable at once, since duplicate address detection (RFC 4862 §5.4) cannot find anyone on a
     * point-to-point tunnel end and would keep the address tentative for a second or more.
     */
    List<String> setAddress(String device, Inet6Address address) {
        return List.of(ip, "-6", "addr", "replace", host(address), "dev", device, "nodad");
    }

    List<String> up(String device) {
        return List.of(ip, "link", "set", "dev", device, "up");
    }

    List<String> addRoute(String device, Inet6Address peer) {
        return List.of(ip, "-6", "route", "replace", host(peer), "dev", device);
    }

    List<String> removeRoute(String device, Inet6Address peer) {
        return List.of(ip, "-6", "route", "del", host(peer), "dev", device);
    }

    private static String host(Inet6Address address) {
        return Ipv6Text.format(address) + "/128";
    }
}
