package io.homeward.console.internal.network;

import java.util.Locale;

import io.homeward.api.keying.PeerReachability;
import io.homeward.api.keying.ReachabilityReport;
import io.homeward.kit.json.JsonWriter;
import io.homeward.kit.net.Endpoints;

/** The reachability section as JSON (RFC 8259): this host's endpoint, the keying policy, each peer's tunnel. */
final class ReachabilityJson {
    private ReachabilityJson() {
    }

    static String render(ReachabilityReport report) {
        JsonWriter json = new JsonWriter();
        write(json, report);
        return json.toString();
    }

    static void write(JsonWriter json, ReachabilityReport report) {
        json.beginObject().member("at", report.at().toString()).name("self");
        report.self().ifPresentOrElse(e -> json.beginObject().member("endpoint", Endpoints.text(e.address()))
                .member("source", e.source().name().toLowerCase(Locale.ROOT)).endObject(), json::nullValue);
        json.member("mode", report.mode()).member("eagerHosts", report.eagerHosts())
                .member("idleSeconds", report.idle().toSeconds())
                .member("sampleSeconds", report.sampleEvery().toSeconds()).name("peers").beginArray();
        for (PeerReachability p : report.peers()) {
            json.beginObject().member("host", p.host()).member("ula", p.ula()).member("state", p.state().name())
                    .member("since", p.since()).member("detail", p.detail()).member("lastIn", p.lastIn())
                    .member("lastOut", p.lastOut()).name("roundTripMillis")
                    .value(p.roundTrip().map(r -> r.toNanos() / 1e6))
                    .member("endpoint", p.endpoint().map(Endpoints::text)).member("learned", p.learned())
                    .member("eager", p.eager()).endObject();
        }
        json.endArray().endObject();
    }
}
