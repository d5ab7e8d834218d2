package io.homeward.portmap.internal;

import io.homeward.api.portmap.PortMapping;
import io.homeward.kit.html.Html;

/** The diagnosis as the body of the "Homeward network" console page; every value is escaped. */
final class NetcheckHtml {
    private NetcheckHtml() {
    }

    static String render(NetcheckReport r) {
        StringBuilder s = new StringBuilder(1024);
        for (String w : r.warnings()) {
            s.append("<p class=\"statline ui-state-error\">").append(Html.escape(w)).append("</p>\n");
        }
        s.append("<table class=\"content\">\n");
        row(s, "This host", r.host());
        row(s, "Local addresses", r.localAddresses().isEmpty() ? "none" : String.join(", ", r.localAddresses()));
        row(s, "Tunnel port", "UDP " + r.internalPort());
        PortMapping m = r.mapping();
        row(s, "External address", m == null ? "unknown (no mapping)" : m.externalAddress().getHostAddress());
        row(s, "Mapping", m == null ? "none" : NetcheckText.describe(m) + ", " + NetcheckText.expiry(m));
        s.append("</table>\n<h3>Gateway protocols</h3>\n<table class=\"content\">\n");
        if (r.protocols().isEmpty()) {
            row(s, "none installed", "");
        }
        for (NetcheckReport.Protocol p : r.protocols()) {
            row(s, p.name() + " (ranking " + p.ranking() + ")", p.outcome());
        }
        return s.append("</table>\n").toString();
    }

    private static void row(StringBuilder s, String label, String value) {
        s.append("<tr><th>").append(Html.escape(label)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>\n");
    }
}
