package io.homeward.console.internal.network;

import io.homeward.api.netwatch.NetworkWatchReport;
import io.homeward.kit.json.JsonWriter;

/** The network watch section as JSON (RFC 8259): interfaces, default routes and the latest changes. */
final class WatchJson {
    private WatchJson() {
    }

    static String render(NetworkWatchReport report) {
        JsonWriter json = new JsonWriter();
        write(json, report);
        return json.toString();
    }

    static void write(JsonWriter json, NetworkWatchReport report) {
        json.beginObject().member("source", report.source()).name("interfaces").beginArray();
        report.interfaces().forEach(i -> json.beginObject().member("name", i.name())
                .member("up", i.up()).member("addresses", i.addresses()).endObject());
        json.endArray().member("defaultRoutes", report.defaultRoutes()).name("lastChanges").beginArray();
        report.lastChanges().forEach(c -> json.beginObject().member("seen", c.seen().toString())
                .member("kind", c.kind().name()).member("interface", c.interfaceName())
                .member("detail", c.detail()).endObject());
        json.endArray().endObject();
    }
}
