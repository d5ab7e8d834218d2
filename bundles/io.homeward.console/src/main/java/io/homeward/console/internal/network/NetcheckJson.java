package io.homeward.console.internal.network;

import io.homeward.api.portmap.NetcheckReport;
import io.homeward.api.portmap.PortMapping;
import io.homeward.kit.json.JsonWriter;

/** The public endpoint and port mapping section as JSON (RFC 8259). */
final class NetcheckJson {
    private NetcheckJson() {
    }

    static String render(NetcheckReport report) {
        JsonWriter json = new JsonWriter();
        write(json, report);
        return json.toString();
    }

    static void write(JsonWriter json, NetcheckReport r) {
        PortMapping m = r.mapping();
        json.beginObject().member("host", r.host()).member("localAddresses", r.localAddresses())
                .member("internalPort", r.internalPort()).name("protocols").beginArray();
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
        json.member("warnings", r.warnings()).endObject();
    }
}
