package io.homeward.autotunnel.internal;

import io.homeward.kit.html.Html;
import io.homeward.kit.net.Endpoints;

/**
 * The "Homeward reachability" page: the report's heading, one table row per peer with a Ping button (a POST form;
 * the console guard's token travels in its SameSite cookie, so the form carries nothing of it), and the last ping's
 * lines once after it ran. Everything shown is escaped.
 */
final class ReachabilityHtml {
    private ReachabilityHtml() {
    }

    static String render(ReachabilityReport report, Pinger.Outcome outcome) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<h2>Reachability</h2>\n");
        if (outcome != null) {
            html.append("<pre id=\"ping\" class=\"").append(outcome.ok() ? "ui-state-highlight" : "ui-state-error")
                    .append("\" role=\"status\">").append(Html.escape(outcome.text())).append("</pre>\n");
        }
        html.append("<p>This host at ").append(Html.escape(report.selfText())).append("; ")
                .append(Html.escape(report.settings().text())).append("; packet times to ")
                .append(Autotunnel.SAMPLE_EVERY.toSeconds()).append(" s.</p>\n");
        if (report.peers().isEmpty()) {
            return html.append("<p>No other host is listed.</p>\n").toString();
        }
        html.append("<table class=\"nicetable\" id=\"reachability\">\n<thead><tr><th>Host</th><th>ULA</th>"
                + "<th>Tunnel</th><th>Last packet in</th><th>Last packet out</th><th>Round trip</th>"
                + "<th>Endpoint</th><th>Learned by</th><th>Keyed</th><th>Ping</th></tr></thead>\n<tbody>\n");
        for (PeerReachability p : report.peers()) {
            html.append("<tr><td>").append(Html.escape(p.host())).append("</td><td>").append(Html.escape(p.ula()))
                    .append("</td><td>").append(Html.escape(report.tunnel(p))).append("</td><td>")
                    .append(Html.escape(report.ago(p.lastIn()))).append("</td><td>")
                    .append(Html.escape(report.ago(p.lastOut()))).append("</td><td>")
                    .append(Html.escape(p.roundTrip().map(Pinger::millis).orElse("-"))).append("</td><td>")
                    .append(Html.escape(p.endpoint().map(Endpoints::text).orElse("none"))).append("</td><td>")
                    .append(Html.escape(p.endpoint().isPresent() ? p.learned() : "-")).append("</td><td>")
                    .append(p.eager() ? "eagerly" : "on demand").append("</td><td><form method=\"post\">")
                    .append("<input type=\"hidden\" name=\"action\" value=\"ping\">")
                    .append("<input type=\"hidden\" name=\"host\" value=\"").append(Html.escape(p.host()))
                    .append("\"><button type=\"submit\">Ping ").append(Html.escape(p.host()))
                    .append("</button></form></td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }
}
