package io.homeward.netwatch.internal;

import java.util.List;

import io.homeward.kit.json.JsonWriter;

/** The network status as JSON (RFC 8259) for {@code /system/console/homeward-network-watch.json}. */
final class NetworkJson {
    private NetworkJson() {
    }

    static String render(NetworkStatus status) {
        JsonWriter json = new JsonWriter().beginObject().member("source", status.source()).name("interfaces").beginArray();
        status.snapshot().interfaces().values().forEach(i -> json.beginObject().member("name", i.name())
                .member("up", i.up()).member("addresses", List.copyOf(i.addresses())).endObject());
        json.endArray().member("defaultRoutes", status.snapshot().defaultRoutes()).name("lastChanges").beginArray();
        status.lastChanges().forEach(c -> json.beginObject().member("seen", c.seen().toString())
                .member("kind", c.kind().name()).member("interface", c.interfaceName())
                .member("detail", c.detail()).endObject());
        return json.endArray().endObject().toString();
    }
}
