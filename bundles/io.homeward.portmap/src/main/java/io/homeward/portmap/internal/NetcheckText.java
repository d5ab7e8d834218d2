package io.homeward.portmap.internal;

import java.time.Instant;

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
        line(s, "mapping", m == null ? "none" : describe(m) + ", " + expiry(m));
        for (String w : r.warnings()) {
            s.append("  WARNING: ").append(w).append('\n');
        }
        return s.toString();
    }

    static String describe(PortMapping m) {
        return m.transport() + " " + m.externalAddress().getHostAddress() + ":" + m.externalPort() + " -> port "
                + m.internalPort() + " via " + m.mapper().text();
    }

    static String expiry(PortMapping m) {
        Instant end = m.expiresAt();
        return end.equals(Instant.MAX) ? "permanent" : "expires " + end + " unless renewed";
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append("  ").append(String.format("%-28s", label + ":")).append(value).append('\n');
    }
}
