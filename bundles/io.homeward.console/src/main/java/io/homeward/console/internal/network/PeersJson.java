package io.homeward.console.internal.network;

import io.homeward.api.peers.DirectoryReport;
import io.homeward.api.peers.Peer;
import io.homeward.kit.json.JsonWriter;
import io.homeward.kit.net.Endpoints;
import io.homeward.kit.text.Ipv6Text;

/** The peers section as JSON (RFC 8259): what scripts and tests read to time a handover. */
final class PeersJson {
    private PeersJson() {
    }

    static String render(DirectoryReport report) {
        JsonWriter json = new JsonWriter();
        write(json, report);
        return json.toString();
    }

    static void write(JsonWriter json, DirectoryReport report) {
        json.beginObject().member("state", report.state()).member("self", report.selfName()).name("peers").beginArray();
        for (Peer p : report.peers()) {
            json.beginObject().member("host", p.hostName()).member("ula", Ipv6Text.format(p.ula()))
                    .member("endpoint", p.endpoint().map(Endpoints::text))
                    .member("changed", p.changed().toString()).member("source", p.source()).endObject();
        }
        json.endArray().endObject();
    }
}
