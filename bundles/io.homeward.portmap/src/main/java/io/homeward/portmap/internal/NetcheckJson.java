package io.homeward.portmap.internal;


import io.homeward.api.portmap.PortMapping;
import io.homeward.kit.json.JsonWriter;

/** The diagnosis as JSON (RFC 8259) for {@code /system/console/homeward-netcheck.json}. */
final class NetcheckJson {
    private NetcheckJson() {
    }

    static String render(NetcheckReport r) {
        PortMapping m = r.mapping();
        JsonWriter json = new JsonWriter().beginObject().member("host", r.host())
                .member("localAddresses", r.localAddresses()).member("internalPort", r.internalPort())
                .name("protocols").beginArray();
        r.protocols().forEach(p -> json.beginObject().member("name", p.name()).member("ranking", p.ranking())
                .member("active", p.active()).member("outcome", p.outcome())
                .member("askedAt", p.askedAt() == null ? null : p.askedAt().toString()).endObject());
        json.endArray().member("externalAddress", m == null ? null : m.externalAddress().getHostAddress())
                .name("mapping");
        if (m == null) {
            json.nullValue();
        } else {
            json.beginObject().member("mapper", m.mapper().text()).member("transport", m.transport().name())
                    .member("internalPort", m.internalPort()).member("externalPort", m.externalPort())
                    .member("lifetimeSeconds", m.lifetime().toSeconds()).member("grantedAt", m.grantedAt().toString())
                    .member("expiresAt", m.lifetime().isZero() ? null : m.expiresAt().toString()).endObject();
        }
        return json.member("warnings", r.warnings()).endObject().toString();
    }
}
