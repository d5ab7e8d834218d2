package io.homeward.tunnel.internal;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.homeward.api.sa.DropReason;
import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.TunnelsReport;
import io.homeward.kit.net.Endpoints;
import io.homeward.kit.text.Ipv6Text;

/**
 * The data plane as an operator sees it, for {@code homeward:tunnels}; the console reads it {@link #typed()}.
 *
 * @param tun             the interface, or why there is none
 * @param routes          peer ULAs routed into the interface
 * @param preferredSuite  the suite new SAs get
 * @param sas             every SA pair with its suite, ESN on or off, its traffic and its drops by reason, each
 *                        peer's sending pair before its others
 * @param drops           the drops no SA pair can be charged with, every reason
 * @param hold            what is held for destinations keyed on demand
 */
record TunnelReport(String tun, List<String> routes, String preferredSuite, List<SaStatus> sas,
        Map<TunnelDrops.Reason, Long> drops, HoldStatus hold) {

    String text() {
        StringBuilder s = new StringBuilder();
        s.append("tunnel: ").append(tun).append('\n');
        s.append("routes: ").append(routes.isEmpty() ? "none" : String.join(", ", routes)).append('\n');
        s.append("suite for new SAs: ").append(preferredSuite).append('\n');
        s.append("dropped: ").append(drops.entrySet().stream().map(d -> d.getKey().label() + " " + d.getValue())
                .collect(Collectors.joining(", "))).append('\n');
        s.append(hold.text());
        if (sas.isEmpty()) {
            return s.append("No SAs installed.\n").toString();
        }
        Map<Inet6Address, Long> pairsByPeer = sas.stream().collect(Collectors.groupingBy(SaStatus::peer,
                Collectors.counting()));
        for (SaStatus sa : sas) {
            s.append(String.format(Locale.ROOT, "peer %s  spi in %08x out %08x  %s  esn %s  endpoint %s%n",
                    Ipv6Text.format(sa.peer()), sa.inboundSpi(), sa.outboundSpi(), sa.suite(), sa.esn() ? "on" : "off",
                    endpoint(sa.endpoint())));
            s.append(String.format(Locale.ROOT, "  in %d packets %d bytes, out %d packets %d bytes%n", sa.packetsIn(),
                    sa.bytesIn(), sa.packetsOut(), sa.bytesOut()));
            s.append("  drops:");
            for (DropReason reason : DropReason.values()) {
                s.append(' ').append(reason.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(' ')
                        .append(sa.drops().getOrDefault(reason, 0L)).append(reason.ordinal() < DropReason.values().length - 1
                                ? "," : "");
            }
            s.append('\n');
            long pairs = pairsByPeer.get(sa.peer());
            if (pairs > 1) {
                s.append(sa.sending() ? "  sending: one of " + pairs + " pairs with this peer while a Child SA is"
                        + " rekeyed (RFC 7296 §2.8)\n" : "  receiving only: another pair with this peer sends\n");
            }
            if (sa.drops().getOrDefault(DropReason.SEQUENCE_EXHAUSTED, 0L) > 0) {
                s.append("  sequence numbers used up (RFC 4303 §3.3.3): sends nothing until the SA is rekeyed\n");
            }
        }
        return s.toString();
    }

    /** The report as the API's typed form, for the console. */
    TunnelsReport typed() {
        Map<String, Long> byLabel = new LinkedHashMap<>();
        drops.forEach((reason, count) -> byLabel.put(reason.label(), count));
        return new TunnelsReport(tun, routes, preferredSuite, sas, byLabel, text());
    }

    static String endpoint(InetSocketAddress e) {
        return e == null ? "unknown" : Endpoints.text(e);
    }
}
