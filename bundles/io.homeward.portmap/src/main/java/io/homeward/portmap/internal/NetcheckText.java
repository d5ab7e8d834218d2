package io.homeward.portmap.internal;

import io.homeward.api.portmap.NetcheckReport;
import io.homeward.api.portmap.PortMapping;

/** The diagnosis as plain text for the {@code homeward:netcheck} command. */
final class NetcheckText {
    private NetcheckText() {
    }

    static String render(NetcheckReport r) {
        StringBuilder s = new StringBuilder(512).append("Homeward network check\n");
        line(s, "this host", r.host());
        line(s, "tunnel port", "UDP " + r.internalPort());
        if (r.protocols().isEmpty()) {
            line(s, "gateway protocols", "none installed");
        }
        for (NetcheckReport.Protocol p : r.protocols()) {
            line(s, p.name() + " (ranking " + p.ranking() + ")", p.outcome());
        }
        PortMapping m = r.mapping();
        line(s, "external address", m == null ? "unknown (no mapping)" : m.externalAddress().getHostAddress());
        line(s, "mapping", m == null ? "none" : m.text() + ", " + m.expiryText());
        for (String w : r.warnings()) {
            s.append("  WARNING: ").append(w).append('\n');
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append("  ").append(String.format("%-28s", label + ":")).append(value).append('\n');
    }
}
