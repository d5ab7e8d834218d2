package io.homeward.peers.internal;

import java.time.Instant;

import io.homeward.api.peers.Peer;
import io.homeward.kit.html.Html;
import io.homeward.kit.text.Ipv6Text;

/** The console page body; every value is escaped, since host names and states come from the network. */
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
            cell(out, peer.hostName());
            cell(out, Ipv6Text.format(peer.ula()));
            cell(out, PeersText.endpoint(peer));
            cell(out, PeersText.changed(peer, now));
            cell(out, peer.source());
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    private static void cell(StringBuilder out, String value) {
        out.append("<td>").append(Html.escape(value)).append("</td>");
    }
}
