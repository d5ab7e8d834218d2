package io.homeward.console.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.homeward.api.keying.KeyingStatus;
import io.homeward.console.internal.OverviewFacts.Machine;
import io.homeward.kit.json.Json;
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
        return "{\"asOf\":" + time(facts.now())
                + ",\"host\":" + facts.host().map(h -> "{\"name\":" + Json.quote(h.name()) + ",\"ula\":"
                        + Json.quote(h.ula()) + "}").orElse("null")
                + ",\"signedIn\":" + facts.signedIn().map(i -> "{\"user\":" + Json.quote(i.user()) + ",\"zone\":"
                        + Json.quote(i.zone()) + "}").orElse("null")
                + ",\"endpoint\":" + facts.endpoint().map(e -> "{\"address\":" + Json.quote(Endpoints.text(e.address()))
                        + ",\"source\":" + Json.quote(e.source().name().toLowerCase(Locale.ROOT)) + "}").orElse("null")
                + ",\"published\":" + facts.registration().map(r -> "{\"until\":" + time(r.leaseExpires())
                        + ",\"server\":" + Json.quote(r.server()) + "}").orElse("null")
                + ",\"certificate\":" + facts.certificate().map(c -> "{\"notAfter\":" + time(c.notAfter())
                        + ",\"revoked\":" + c.revoked() + "}").orElse("null")
                + ",\"verdict\":{\"reach\":" + Json.quote(verdict.reach().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                + ",\"text\":" + Json.quote(verdict.text()) + "}"
                + ",\"warnings\":" + Warnings.of(facts).stream().map(w -> "{\"problem\":" + Json.quote(w.problem())
                        + ",\"action\":" + Json.quote(w.action()) + "}").collect(Collectors.joining(",", "[", "]"))
                + ",\"machines\":" + facts.machines().stream().map(OverviewJson::machine)
                        .collect(Collectors.joining(",", "[", "]"))
                + "}";
    }

    private static String machine(Machine m) {
        return "{\"name\":" + Json.quote(m.name()) + ",\"ula\":" + Json.quote(m.ula()) + ",\"online\":" + m.online()
                + ",\"endpoint\":" + Json.quote(m.endpoint().map(Endpoints::text).orElse(null))
                + ",\"learnedVia\":" + Json.quote(m.learnedVia().orElse(null))
                + ",\"changed\":" + m.changed().map(OverviewJson::time).orElse("null")
                + ",\"tunnel\":" + m.tunnel().map(OverviewJson::tunnel).orElse("null") + "}";
    }

    private static String tunnel(KeyingStatus t) {
        Optional<Long> rtt = t.roundTrip().map(java.time.Duration::toMillis);
        return "{\"state\":" + Json.quote(t.state().name().toLowerCase(Locale.ROOT)) + ",\"since\":" + time(t.since())
                + ",\"roundTripMillis\":" + rtt.map(String::valueOf).orElse("null")
                + ",\"endpoint\":" + Json.quote(t.endpoint().map(Endpoints::text).orElse(null))
                + ",\"detail\":" + Json.quote(t.detail()) + "}";
    }

    private static String time(Instant instant) {
        return Json.quote(instant.toString());
    }
}
