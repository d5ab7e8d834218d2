package io.homeward.console.internal.network;

import io.homeward.api.tunnel.TunnelPortReport;
import io.homeward.kit.json.JsonWriter;
import io.homeward.kit.net.Endpoints;

/** The tunnel port section as JSON (RFC 8259): its state, its public endpoint, what arrived on it. */
final class TunnelPortJson {
    private TunnelPortJson() {
    }

    static String render(TunnelPortReport report) {
        JsonWriter json = new JsonWriter();
        write(json, report);
        return json.toString();
    }

    static void write(JsonWriter json, TunnelPortReport r) {
        json.beginObject().member("port", r.port()).member("state", r.state()).member("stun", r.stun())
                .member("endpoint", r.endpoint().map(Endpoints::text)).member("learnedAt", r.learnedAt())
                .member("esp", r.esp()).member("ike", r.ike()).member("keepalives", r.keepalives())
                .member("stunAnswers", r.stunAnswers()).member("unhandled", r.unhandled()).endObject();
    }
}
