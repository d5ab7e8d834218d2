package io.homeward.autotunnel.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import io.homeward.kit.json.Json;
import io.homeward.kit.net.Endpoints;

/** The reachability report as JSON (RFC 8259) for {@code /system/console/homeward-reachability.json}. */
final class ReachabilityJson {
    private ReachabilityJson() {
    }

    static String render(ReachabilityReport report) {
        AutotunnelSettings settings = report.settings();
        return "{\"at\":" + Json.quote(report.at().toString()) + ",\"self\":"
                + report.self().map(e -> "{\"endpoint\":" + Json.quote(Endpoints.text(e.address())) + ",\"source\":"
                        + Json.quote(e.source().name().toLowerCase(Locale.ROOT)) + "}").orElse("null")
                + ",\"mode\":" + Json.quote(settings.mode().name()) + ",\"eagerHosts\":"
                + Json.quoteAll(settings.eagerHosts().stream().sorted().toList()) + ",\"idleSeconds\":"
                + settings.idle().toSeconds() + ",\"sampleSeconds\":" + Autotunnel.SAMPLE_EVERY.toSeconds()
                + ",\"peers\":" + report.peers().stream().map(ReachabilityJson::peer)
                        .collect(Collectors.joining(",", "[", "]")) + "}";
    }

    private static String peer(PeerReachability p) {
        return "{\"host\":" + Json.quote(p.host()) + ",\"ula\":" + Json.quote(p.ula()) + ",\"state\":"
                + Json.quote(p.state().name()) + ",\"since\":" + instant(p.since()) + ",\"detail\":"
                + Json.quote(p.detail()) + ",\"lastIn\":" + instant(p.lastIn()) + ",\"lastOut\":"
                + instant(p.lastOut()) + ",\"roundTripMillis\":"
                + p.roundTrip().map(r -> String.format(Locale.ROOT, "%.3f", r.toNanos() / 1e6)).orElse("null")
                + ",\"endpoint\":" + p.endpoint().map(e -> Json.quote(Endpoints.text(e))).orElse("null")
                + ",\"learned\":" + Json.quote(p.learned()) + ",\"eager\":" + p.eager() + "}";
    }

    private static String instant(Optional<Instant> when) {
        return when.map(w -> Json.quote(w.toString())).orElse("null");
    }
}
