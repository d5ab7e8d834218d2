package io.homeward.portmap.internal;

import java.util.stream.Collectors;

import io.homeward.api.portmap.PortMapping;
import io.homeward.kit.json.Json;

/** The diagnosis as JSON (RFC 8259) for {@code /system/console/homeward-netcheck.json}. */
final class NetcheckJson {
    private NetcheckJson() {
    }

    static String render(NetcheckReport r) {
        PortMapping m = r.mapping();
        return "{\"host\":" + Json.quote(r.host())
                + ",\"localAddresses\":" + Json.quoteAll(r.localAddresses())
                + ",\"internalPort\":" + r.internalPort()
                + ",\"protocols\":" + r.protocols().stream().map(p -> "{\"name\":" + Json.quote(p.name())
                        + ",\"ranking\":" + p.ranking() + ",\"active\":" + p.active()
                        + ",\"outcome\":" + Json.quote(p.outcome())
                        + ",\"askedAt\":" + (p.askedAt() == null ? "null" : Json.quote(p.askedAt().toString())) + "}")
                        .collect(Collectors.joining(",", "[", "]"))
                + ",\"externalAddress\":" + (m == null ? "null" : Json.quote(m.externalAddress().getHostAddress()))
                + ",\"mapping\":" + (m == null ? "null" : mapping(m))
                + ",\"warnings\":" + Json.quoteAll(r.warnings()) + "}";
    }

    private static String mapping(PortMapping m) {
        return "{\"mapper\":" + Json.quote(m.mapper().text()) + ",\"transport\":" + Json.quote(m.transport().name())
                + ",\"internalPort\":" + m.internalPort() + ",\"externalPort\":" + m.externalPort()
                + ",\"lifetimeSeconds\":" + m.lifetime().toSeconds()
                + ",\"grantedAt\":" + Json.quote(m.grantedAt().toString())
                + ",\"expiresAt\":" + (m.lifetime().isZero() ? "null" : Json.quote(m.expiresAt().toString())) + "}";
    }
}
