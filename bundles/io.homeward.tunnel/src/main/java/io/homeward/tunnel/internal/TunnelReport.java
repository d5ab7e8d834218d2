package io.homeward.tunnel.internal;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;

import io.homeward.api.identity.Ipv6Text;
import io.homeward.api.sa.DropReason;
import io.homeward.api.sa.SaStatus;
import io.homeward.kit.net.Endpoints;

/**
 * The data plane as an operator sees it, for {@code homeward:tunnels} and the console.
 *
 * @param tun             the interface, or why there is none
 * @param routes          peer ULAs routed into the interface
 * @param preferredSuite  the suite new SAs get
 * @param noSa            packets to a ULA without an SA, dropped
 * @param noEndpoint      packets to a peer whose endpoint is unknown, dropped
 * @param unknownSpi      ESP with an SPI no SA has
 * @param runts           datagrams too short for ESP
 * @param noTun           packets opened while there was no interface to write them to
 * @param ioFailures      TUN writes and UDP sends that failed
 */
record TunnelReport(String tun, List<String> routes, String preferredSuite, List<SaStatus> sas, long noSa,
        long noEndpoint, long unknownSpi, long runts, long noTun, long ioFailures) {

    String text() {
        StringBuilder s = new StringBuilder();
        s.append("tunnel: ").append(tun).append('\n');
        s.append("routes: ").append(routes.isEmpty() ? "none" : String.join(", ", routes)).append('\n');
        s.append("suite for new SAs: ").append(preferredSuite).append('\n');
        s.append(String.format(Locale.ROOT, "dropped: no SA %d, no endpoint %d, unknown SPI %d, runts %d, no interface %d,"
                + " I/O failures %d%n", noSa, noEndpoint, unknownSpi, runts, noTun, ioFailures));
        if (sas.isEmpty()) {
            return s.append("No SAs installed.\n").toString();
        }
        for (SaStatus sa : sas) {
            s.append(String.format(Locale.ROOT, "peer %s  spi in %08x out %08x  %s  endpoint %s%n",
                    Ipv6Text.format(sa.peer()), sa.inboundSpi(), sa.outboundSpi(), sa.suite(), endpoint(sa.endpoint())));
            s.append(String.format(Locale.ROOT, "  in %d packets %d bytes, out %d packets %d bytes%n", sa.packetsIn(),
                    sa.bytesIn(), sa.packetsOut(), sa.bytesOut()));
            s.append("  drops:");
            for (DropReason reason : DropReason.values()) {
                s.append(' ').append(reason.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(' ')
                        .append(sa.drops().getOrDefault(reason, 0L)).append(reason.ordinal() < DropReason.values().length - 1
                                ? "," : "");
            }
            s.append('\n');
        }
        return s.toString();
    }

    static String endpoint(InetSocketAddress e) {
        return e == null ? "unknown" : Endpoints.text(e);
    }
}
