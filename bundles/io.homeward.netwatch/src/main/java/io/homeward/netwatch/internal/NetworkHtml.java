package io.homeward.netwatch.internal;

import static io.homeward.kit.html.Html.escape;

import io.homeward.api.netwatch.NetworkChange;

/** The network status as the console page shows it; every value is escaped. */
final class NetworkHtml {
    private NetworkHtml() {
    }

    static String render(NetworkStatus status) {
        StringBuilder s = new StringBuilder();
        s.append("<p>Event source: ").append(escape(status.source())).append("</p>\n");
        s.append("<table class=\"nicetable\"><thead><tr><th>Interface</th><th>State</th><th>Addresses</th></tr>"
                + "</thead><tbody>\n");
        for (InterfaceState i : status.snapshot().interfaces().values()) {
            s.append("<tr><td>").append(escape(i.name())).append("</td><td>").append(i.up() ? "up" : "down")
                    .append("</td><td>").append(escape(String.join(" ", i.addresses()))).append("</td></tr>\n");
        }
        s.append("</tbody></table>\n");
        s.append("<p>Default route: ").append(escape(status.snapshot().defaultRoutes().isEmpty() ? "none"
                : String.join(", ", status.snapshot().defaultRoutes()))).append("</p>\n");
        s.append("<table class=\"nicetable\"><thead><tr><th>Last change</th><th>Kind</th><th>Detail</th></tr>"
                + "</thead><tbody>\n");
        if (status.lastChanges().isEmpty()) {
            s.append("<tr><td colspan=\"3\">none since start</td></tr>\n");
        }
        for (NetworkChange c : status.lastChanges()) {
            s.append("<tr><td>").append(escape(c.seen())).append("</td><td>").append(escape(c.kind()))
                    .append("</td><td>").append(escape(c.detail())).append("</td></tr>\n");
        }
        s.append("</tbody></table>\n");
        return s.toString();
    }
}
