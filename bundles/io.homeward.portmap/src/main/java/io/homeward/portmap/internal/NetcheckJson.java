package io.homeward.portmap.internal;

import java.util.List;
import java.util.stream.Collectors;

import io.homeward.api.portmap.PortMapping;

/** The diagnosis as JSON (RFC 8259) for {@code /system/console/homeward-netcheck.json}. */
final class NetcheckJson {
    private NetcheckJson() {
    }

    static String render(NetcheckReport r) {
        PortMapping m = r.mapping();
        return "{\"host\":" + quote(r.host())
                + ",\"localAddresses\":" + strings(r.localAddresses())
                + ",\"internalPort\":" + r.internalPort()
                + ",\"protocols\":" + r.protocols().stream().map(p -> "{\"name\":" + quote(p.name())
                        + ",\"ranking\":" + p.ranking() + ",\"active\":" + p.active()
                        + ",\"outcome\":" + quote(p.outcome())
                        + ",\"askedAt\":" + (p.askedAt() == null ? "null" : quote(p.askedAt().toString())) + "}")
                        .collect(Collectors.joining(",", "[", "]"))
                + ",\"externalAddress\":" + (m == null ? "null" : quote(m.externalAddress().getHostAddress()))
                + ",\"mapping\":" + (m == null ? "null" : mapping(m))
                + ",\"warnings\":" + strings(r.warnings()) + "}";
    }

    private static String mapping(PortMapping m) {
        return "{\"mapper\":" + quote(m.mapper()) + ",\"transport\":" + quote(m.transport().name())
                + ",\"internalPort\":" + m.internalPort() + ",\"externalPort\":" + m.externalPort()
                + ",\"lifetimeSeconds\":" + m.lifetime().toSeconds()
                + ",\"grantedAt\":" + quote(m.grantedAt().toString())
                + ",\"expiresAt\":" + (m.lifetime().isZero() ? "null" : quote(m.expiresAt().toString())) + "}";
    }

    private static String strings(List<String> values) {
        return values.stream().map(NetcheckJson::quote).collect(Collectors.joining(",", "[", "]"));
    }

    static String quote(String value) {
        StringBuilder s = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                // '<' escaped too, so the document can never close a script element it is embedded in.
                case '<' -> s.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
