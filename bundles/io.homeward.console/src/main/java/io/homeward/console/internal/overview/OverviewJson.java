package io.homeward.console.internal.overview;

import java.time.Duration;
import java.util.Locale;

import io.homeward.console.internal.overview.OverviewFacts.Machine;
import io.homeward.kit.json.JsonWriter;
import io.homeward.kit.net.Endpoints;

/**
 * The overview as one JSON object for scripts: {@code host}, {@code signedIn}, {@code endpoint}, {@code published},
 * {@code certificate} (null when absent), {@code verdict} ({@code reach}: internet, local-network or none, and the
 * text), {@code warnings} and {@code machines} (each with {@code tunnel}, null without a key exchange's state). Times
 * are ISO-8601 UTC strings.
 */
final class OverviewJson {
    private OverviewJson() {
    }

    static String render(OverviewFacts facts) {
        Verdict verdict = Verdict.of(facts);
        JsonWriter json = new JsonWriter().beginObject().member("asOf", facts.now().toString()).name("host");
        facts.host().ifPresentOrElse(h -> json.beginObject().member("name", h.name()).member("ula", h.ula())
                .endObject(), json::nullValue);
        json.name("signedIn");
        facts.signedIn().ifPresentOrElse(i -> json.beginObject().member("user", i.user()).member("zone", i.zone())
                .endObject(), json::nullValue);
        json.name("endpoint");
        facts.endpoint().ifPresentOrElse(e -> json.beginObject().member("address", Endpoints.text(e.address()))
                .member("source", e.source().name().toLowerCase(Locale.ROOT)).endObject(), json::nullValue);
        json.name("published");
        facts.registration().ifPresentOrElse(r -> json.beginObject().member("until", r.leaseExpires().toString())
                .member("server", r.server()).endObject(), json::nullValue);
        json.name("certificate");
        facts.certificate().ifPresentOrElse(c -> json.beginObject().member("notAfter", c.notAfter().toString())
                .member("revoked", c.revoked()).endObject(), json::nullValue);
        json.name("verdict").beginObject()
                .member("reach", verdict.reach().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .member("text", verdict.text()).endObject().name("warnings").beginArray();
        Warnings.of(facts).forEach(w -> json.beginObject().member("problem", w.problem()).member("action", w.action())
                .endObject());
        json.endArray().name("machines").beginArray();
        facts.machines().forEach(m -> machine(json, m));
        return json.endArray().endObject().toString();
    }

    private static void machine(JsonWriter json, Machine m) {
        json.beginObject().member("name", m.name()).member("ula", m.ula()).member("online", m.online())
                .member("endpoint", m.endpoint().map(Endpoints::text)).member("learnedVia", m.learnedVia())
                .member("changed", m.changed()).name("tunnel");
        m.tunnel().ifPresentOrElse(t -> json.beginObject().member("state", t.state().name().toLowerCase(Locale.ROOT))
                .member("since", t.since().toString()).member("roundTripMillis", t.roundTrip().map(Duration::toMillis))
                .member("endpoint", t.endpoint().map(Endpoints::text)).member("detail", t.detail())
                .member("certificateExpires", t.peerCertificateExpires()).endObject(),
                json::nullValue);
        json.endObject();
    }
}
