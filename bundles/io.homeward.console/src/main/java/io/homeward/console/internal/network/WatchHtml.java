package io.homeward.console.internal.network;

import static io.homeward.kit.html.Html.escape;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.netwatch.NetworkWatchReport;
import io.homeward.console.internal.Cells;

/** The network watch section as HTML; every value is escaped. */
final class WatchHtml {
    private WatchHtml() {
    }

    static String render(NetworkWatchReport report) {
        StringBuilder s = new StringBuilder();
        s.append("<p>Event source: ").append(escape(report.source())).append("</p>\n");
        s.append("<table class=\"nicetable\"><thead><tr><th>Interface</th><th>State</th><th>Addresses</th></tr>"
                + "</thead><tbody>\n");
        for (NetworkWatchReport.InterfaceReport i : report.interfaces()) {
            s.append("<tr>");
            Cells.cell(s, "Interface", i.name());
            Cells.cell(s, "State", i.up() ? "up" : "down");
            Cells.cell(s, "Addresses", String.join(" ", i.addresses()));
            s.append("</tr>\n");
        }
        s.append("</tbody></table>\n");
        s.append("<p>Default route: ").append(escape(report.defaultRoutes().isEmpty() ? "none"
                : String.join(", ", report.defaultRoutes()))).append("</p>\n");
        s.append("<table class=\"nicetable\"><thead><tr><th>Last change</th><th>Kind</th><th>Detail</th></tr>"
                + "</thead><tbody>\n");
        if (report.lastChanges().isEmpty()) {
            s.append("<tr><td colspan=\"3\">none since start</td></tr>\n");
        }
        for (NetworkChange c : report.lastChanges()) {
            s.append("<tr>");
            Cells.cell(s, "Last change", c.seen().toString());
            Cells.cell(s, "Kind", c.kind().name());
            Cells.cell(s, "Detail", c.detail());
            s.append("</tr>\n");
        }
        s.append("</tbody></table>\n");
        return s.toString();
    }
}
