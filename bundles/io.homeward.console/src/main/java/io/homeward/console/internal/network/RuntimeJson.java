package io.homeward.console.internal.network;

import org.xbill.DNS.Type;

import io.homeward.api.runtime.CapabilityState;
import io.homeward.api.watch.SubscriptionState;
import io.homeward.kit.json.JsonWriter;

/**
 * The runtime section of the Network page as one JSON object for scripts and tests; {@code subscriptions} is null
 * when no record watcher runs.
 */
final class RuntimeJson {
    private RuntimeJson() {
    }

    static String render(RuntimeFacts facts) {
        JsonWriter json = new JsonWriter();
        write(json, facts);
        return json.toString();
    }

    /** Writes the facts as one object where a value may go. */
    static void write(JsonWriter json, RuntimeFacts facts) {
        json.beginObject().member("feature", facts.feature()).name("identity");
        facts.identity().ifPresentOrElse(i -> json.beginObject().member("hostName", i.hostName())
                .member("eui64", i.eui64()).member("eui64Source", i.eui64Source()).member("ula", i.ula())
                .member("autoTunnelLabel", i.autoTunnelLabel()).endObject(), json::nullValue);
        json.name("capabilities").beginArray();
        for (CapabilityState c : facts.capabilities()) {
            json.beginObject().member("contract", c.contract()).member("label", c.label()).name("providers")
                    .beginArray();
            c.providers().forEach(p -> json.beginObject().member("name", p.name()).member("bundle", p.bundle())
                    .member("serviceId", p.serviceId()).member("ranking", p.ranking()).member("active", p.active())
                    .endObject());
            json.endArray().endObject();
        }
        json.endArray().name("subscriptions");
        facts.watches().ifPresentOrElse(watches -> {
            json.beginArray();
            watches.forEach(w -> subscription(json, w));
            json.endArray();
        }, json::nullValue);
        json.member("missing", facts.missing()).endObject();
    }

    /** Times as ISO-8601 UTC strings, null when absent. */
    private static void subscription(JsonWriter json, SubscriptionState w) {
        json.beginObject().member("name", w.name()).member("type", Type.string(w.type()))
                .member("mechanism", w.mechanism().text()).member("leaseExpiry", w.leaseExpiry())
                .member("lastEvent", w.lastEvent()).endObject();
    }
}
