package io.homeward.console.internal.network;

import io.homeward.api.portmap.NetcheckReport;
import io.homeward.api.portmap.PortMapping;
import io.homeward.console.internal.Cells;
import io.homeward.kit.html.Html;

/** The public endpoint and port mapping section as HTML; every value is escaped. */
final class NetcheckHtml {
    private NetcheckHtml() {
    }

    static String render(NetcheckReport r) {
        StringBuilder s = new StringBuilder(1024);
        for (String w : r.warnings()) {
            s.append("<p class=\"statline ui-state-error\">").append(Html.escape(w)).append("</p>\n");
        }
        s.append("<table class=\"content\">\n");
        Cells.row(s, "This host", r.host());
        Cells.row(s, "Local addresses", r.localAddresses().isEmpty() ? "none" : String.join(", ", r.localAddresses()));
        Cells.row(s, "Tunnel port", "UDP " + r.internalPort());
        PortMapping m = r.mapping();
        Cells.row(s, "External address", m == null ? "unknown (no mapping)" : m.externalAddress().getHostAddress());
        Cells.row(s, "Mapping", m == null ? "none" : m.text() + ", " + m.expiryText());
        s.append("</table>\n<h3>Gateway protocols</h3>\n<table class=\"content\">\n");
        if (r.protocols().isEmpty()) {
            Cells.row(s, "none installed", "");
        }
        for (NetcheckReport.Protocol p : r.protocols()) {
            Cells.row(s, p.name() + " (ranking " + p.ranking() + ")", p.outcome());
        }
        return s.append("</table>\n").toString();
    }
}
