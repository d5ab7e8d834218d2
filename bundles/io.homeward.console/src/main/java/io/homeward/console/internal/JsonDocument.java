package io.homeward.console.internal;

import java.time.Instant;
import java.util.stream.Collectors;

import org.xbill.DNS.Type;

import io.homeward.api.runtime.CapabilityState;
import io.homeward.api.runtime.ProviderInfo;
import io.homeward.api.watch.SubscriptionState;
import io.homeward.kit.json.Json;

/**
 * The same facts as the page, as one JSON object for scripts and tests; {@code subscriptions} is null when no
 * record watcher runs.
 */
final class JsonDocument {
    private JsonDocument() {
    }

    static String render(ConsoleFacts facts) {
        StringBuilder s = new StringBuilder(1024);
        s.append("{\"feature\":").append(Json.quote(facts.feature().orElse(null)));
        s.append(",\"identity\":").append(facts.identity().map(i -> "{\"hostName\":" + Json.quote(i.hostName())
                + ",\"eui64\":" + Json.quote(i.eui64())
                + ",\"eui64Source\":" + Json.quote(i.eui64Source())
                + ",\"ula\":" + Json.quote(i.ula())
                + ",\"autoTunnelLabel\":" + Json.quote(i.autoTunnelLabel()) + "}").orElse("null"));
        s.append(",\"capabilities\":[")
                .append(facts.capabilities().stream().map(JsonDocument::capability).collect(Collectors.joining(",")))
                .append(']');
        s.append(",\"subscriptions\":").append(facts.watches().map(w -> w.stream().map(JsonDocument::subscription)
                .collect(Collectors.joining(",", "[", "]"))).orElse("null"));
        s.append(",\"missing\":").append(Json.quoteAll(facts.missing()));
        return s.append('}').toString();
    }

    private static String capability(CapabilityState c) {
        return "{\"contract\":" + Json.quote(c.contract()) + ",\"label\":" + Json.quote(c.label()) + ",\"providers\":["
                + c.providers().stream().map(JsonDocument::provider).collect(Collectors.joining(",")) + "]}";
    }

    /** Times as ISO-8601 UTC strings, null when absent. */
    private static String subscription(SubscriptionState w) {
        return "{\"name\":" + Json.quote(w.name()) + ",\"type\":" + Json.quote(Type.string(w.type()))
                + ",\"mechanism\":" + Json.quote(w.mechanism().text())
                + ",\"leaseExpiry\":" + Json.quote(w.leaseExpiry().map(Instant::toString).orElse(null))
                + ",\"lastEvent\":" + Json.quote(w.lastEvent().map(Instant::toString).orElse(null)) + "}";
    }

    private static String provider(ProviderInfo p) {
        return "{\"name\":" + Json.quote(p.name()) + ",\"bundle\":" + Json.quote(p.bundle()) + ",\"serviceId\":"
                + p.serviceId() + ",\"ranking\":" + p.ranking() + ",\"active\":" + p.active() + "}";
    }
}
