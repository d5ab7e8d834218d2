package io.homeward.console.internal.network;

import java.util.Locale;

import io.homeward.api.keying.PeerReachability;
import io.homeward.api.keying.ReachabilityReport;
import io.homeward.console.internal.Cells;
import io.homeward.kit.html.Html;
import io.homeward.kit.net.Endpoints;

/**
 * The reachability section: this host's endpoint and the keying policy, one row per peer with its tunnel, last
 * packets, round trip and endpoint; pinging a machine is the Machines page's. Everything shown is escaped.
 */
final class ReachabilityHtml {
    private ReachabilityHtml() {
    }

    /** @param machines the Machines page's path, where each machine has its Ping button */
    static String render(ReachabilityReport report, String machines) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<p>This host at ").append(Html.escape(report.self().map(e -> Endpoints.text(e.address()) + " ("
                + e.source().name().toLowerCase(Locale.ROOT) + ")").orElse("not known yet"))).append("; ")
                .append(Html.escape(report.policy())).append("; packet times to ")
                .append(report.sampleEvery().toSeconds()).append(" s. <a href=\"").append(Html.escape(machines))
                .append("\">Ping a machine</a></p>\n");
        if (report.peers().isEmpty()) {
            return html.append("<p>No other host is listed.</p>\n").toString();
        }
        html.append("<table class=\"nicetable\" id=\"reachability\">\n<thead><tr><th>Host</th><th>ULA</th>"
                + "<th>Tunnel</th><th>Last packet in</th><th>Last packet out</th><th>Round trip</th>"
                + "<th>Endpoint</th><th>Learned by</th><th>Keyed</th></tr></thead>\n<tbody>\n");
        for (PeerReachability p : report.peers()) {
            html.append("<tr>");
            Cells.cell(html, "Host", p.host());
            Cells.cell(html, "ULA", p.ula());
            Cells.cell(html, "Tunnel", p.tunnel(report.at()));
            Cells.cell(html, "Last packet in", PeerReachability.ago(p.lastIn(), report.at()));
            Cells.cell(html, "Last packet out", PeerReachability.ago(p.lastOut(), report.at()));
            Cells.cell(html, "Round trip", p.roundTrip().map(r -> String.format(Locale.ROOT, "%.1f ms", r.toNanos() / 1e6))
                    .orElse("-"));
            Cells.cell(html, "Endpoint", p.endpoint().map(Endpoints::text).orElse("none"));
            Cells.cell(html, "Learned by", p.endpoint().isPresent() ? p.learned() : "-");
            Cells.cell(html, "Keyed", p.eager() ? "eagerly" : "on demand");
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }
}
