package io.homeward.autotunnel.internal;

import java.util.Locale;

import io.homeward.kit.json.JsonWriter;
import io.homeward.kit.net.Endpoints;

/** The reachability report as JSON (RFC 8259) for {@code /system/console/homeward-reachability.json}. */
final class ReachabilityJson {
    private ReachabilityJson() {
    }

    static String render(ReachabilityReport report) {
        AutotunnelSettings settings = report.settings();
        JsonWriter json = new JsonWriter().beginObject().member("at", report.at().toString()).name("self");
        report.self().ifPresentOrElse(e -> json.beginObject().member("endpoint", Endpoints.text(e.address()))
                .member("source", e.source().name().toLowerCase(Locale.ROOT)).endObject(), json::nullValue);
        json.member("mode", settings.mode().name())
                .member("eagerHosts", settings.eagerHosts().stream().sorted().toList())
                .member("idleSeconds", settings.idle().toSeconds())
                .member("sampleSeconds", Autotunnel.SAMPLE_EVERY.toSeconds()).name("peers").beginArray();
        for (PeerReachability p : report.peers()) {
            json.beginObject().member("host", p.host()).member("ula", p.ula()).member("state", p.state().name())
                    .member("since", p.since()).member("detail", p.detail()).member("lastIn", p.lastIn())
                    .member("lastOut", p.lastOut()).name("roundTripMillis")
                    .value(p.roundTrip().map(r -> r.toNanos() / 1e6))
                    .member("endpoint", p.endpoint().map(Endpoints::text)).member("learned", p.learned())
                    .member("eager", p.eager()).endObject();
        }
        return json.endArray().endObject().toString();
    }
}
