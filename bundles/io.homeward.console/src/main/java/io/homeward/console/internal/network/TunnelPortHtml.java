package io.homeward.console.internal.network;

import io.homeward.api.tunnel.TunnelPortReport;
import io.homeward.console.internal.Cells;
import io.homeward.kit.net.Endpoints;

/** The tunnel port section as HTML; every value is escaped. */
final class TunnelPortHtml {
    private TunnelPortHtml() {
    }

    static String render(TunnelPortReport r) {
        StringBuilder s = new StringBuilder("<table class=\"tablelayout nicetable\"><tbody>\n");
        Cells.row(s, "Tunnel port", "UDP " + r.port() + " - " + r.state());
        Cells.row(s, "Public endpoint", r.endpoint().map(Endpoints::text).orElse("unknown")
                + r.learnedAt().map(at -> " (learned " + at + ")").orElse(""));
        Cells.row(s, "STUN", r.stun());
        Cells.row(s, "Datagrams", "esp " + r.esp() + ", ike " + r.ike() + ", keepalives " + r.keepalives() + ", stun "
                + r.stunAnswers() + ", unhandled " + r.unhandled());
        return s.append("</tbody></table>\n").toString();
    }
}
