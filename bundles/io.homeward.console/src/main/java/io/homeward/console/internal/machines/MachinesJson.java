package io.homeward.console.internal.machines;

import java.time.Duration;
import java.util.Locale;

import io.homeward.console.internal.machines.MachinesFacts.Row;
import io.homeward.console.internal.machines.MachinesFacts.Section;
import io.homeward.kit.json.JsonWriter;
import io.homeward.kit.net.Endpoints;

/**
 * The machines page as JSON for scripts: {@code users}, each with {@code user}, {@code zone}, {@code signedIn} and
 * {@code machines} ({@code name}, {@code ula}, {@code thisHost}, {@code online}, {@code tunnel} or null,
 * {@code via}, {@code lastSeen}, {@code certificateExpiry}, {@code revoked}, {@code enrolled}); {@code keying} and
 * {@code rendezvous} say whether pings and revocation are possible here. Times are ISO-8601 UTC strings or null.
 */
final class MachinesJson {
    private MachinesJson() {
    }

    static String render(MachinesFacts facts) {
        JsonWriter json = new JsonWriter().beginObject().member("asOf", facts.now().toString())
                .member("keying", facts.keying()).member("rendezvous", facts.rendezvous()).name("users").beginArray();
        for (Section user : facts.users()) {
            json.beginObject().member("user", user.user()).member("zone", user.zone())
                    .member("signedIn", user.signedIn()).name("machines").beginArray();
            user.rows().forEach(row -> row(json, row));
            json.endArray().endObject();
        }
        return json.endArray().endObject().toString();
    }

    private static void row(JsonWriter json, Row row) {
        json.beginObject().member("name", row.label()).member("ula", row.ula()).member("thisHost", row.thisHost())
                .member("online", row.online()).name("tunnel");
        row.tunnel().ifPresentOrElse(t -> json.beginObject()
                .member("state", t.state().name().toLowerCase(Locale.ROOT)).member("since", t.since().toString())
                .member("roundTripMillis", t.roundTrip().map(Duration::toMillis))
                .member("endpoint", t.endpoint().map(Endpoints::text)).member("detail", t.detail()).endObject(),
                json::nullValue);
        json.member("via", row.via()).member("lastSeen", row.lastSeen())
                .member("certificateExpiry", row.certificate()).member("revoked", row.revoked())
                .member("enrolled", row.enrolled()).endObject();
    }
}
