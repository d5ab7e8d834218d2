package io.homeward.console.internal.network;

import java.time.Instant;

import io.homeward.api.peers.DirectoryReport;
import io.homeward.api.peers.Peer;
import io.homeward.console.internal.Cells;
import io.homeward.console.internal.TimeText;
import io.homeward.kit.html.Html;
import io.homeward.kit.net.Endpoints;
import io.homeward.kit.text.Ipv6Text;

/** The peers section as HTML; every value is escaped, since host names and states come from the network. */
final class PeersHtml {
    private PeersHtml() {
    }

    static String render(DirectoryReport report, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append("<p>Peer directory: ").append(Html.escape(report.state())).append("</p>\n<p>")
                .append(Html.escape(report.selfName().map(name -> "This host: " + name + " (not listed)")
                        .orElse("This host's identity is not known yet, so it may be listed too")))
                .append("</p>\n");
        if (report.peers().isEmpty()) {
            return out.append("<p>No peers yet.</p>\n").toString();
        }
        out.append("<table class=\"tablesorter nicetable\">\n<thead><tr><th>Host</th><th>ULA</th><th>Endpoint</th>"
                + "<th>Changed</th><th>Via</th></tr></thead>\n<tbody>\n");
        for (Peer peer : report.peers()) {
            out.append("<tr>");
            Cells.cell(out, "Host", peer.hostName());
            Cells.cell(out, "ULA", Ipv6Text.format(peer.ula()));
            Cells.cell(out, "Endpoint", peer.endpoint().map(Endpoints::text).orElse("none"));
            Cells.cell(out, "Changed", peer.changed() + " (" + TimeText.ago(peer.changed(), now) + ")");
            Cells.cell(out, "Via", peer.source());
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }
}
