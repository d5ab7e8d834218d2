package io.homeward.resolver.internal;

import java.net.Inet6Address;
import java.util.List;

import org.xbill.DNS.Name;

import io.homeward.kit.text.Ipv6Text;

/** What a user adds by hand so that the system sends the zone's names here, when the agent cannot tell it. */
final class ManualSetup {
    private ManualSetup() {
    }

    static List<String> lines(Inet6Address server, Name zone) {
        String ula = Ipv6Text.format(server);
        String domain = zone.toString(true);
        return List.of(
                "as the first nameserver line of /etc/resolv.conf (other names are refused here and asked of the "
                        + "next nameserver):",
                "  nameserver " + ula,
                "or, with dnsmasq, in /etc/dnsmasq.d/homeward.conf:",
                "  server=/" + domain + "/" + ula,
                "or run systemd-resolved: the agent then routes ~" + domain + " to " + ula + " itself");
    }
}
