package io.homeward.peers.internal;


import io.homeward.api.peers.Peer;
import io.homeward.kit.json.JsonWriter;
import io.homeward.kit.text.Ipv6Text;

/** The directory as JSON (RFC 8259) for {@code /system/console/homeward-peers.json}: what scripts and tests read. */
final class PeersJson {
    private PeersJson() {
    }

    static String render(DirectoryReport report) {
        JsonWriter json = new JsonWriter().beginObject().member("state", report.state())
                .member("self", report.selfName()).name("peers").beginArray();
        for (Peer p : report.peers()) {
            json.beginObject().member("host", p.hostName()).member("ula", Ipv6Text.format(p.ula()))
                    .member("endpoint", p.endpoint().isPresent() ? PeersText.endpoint(p) : null)
                    .member("changed", p.changed().toString()).member("source", p.source()).endObject();
        }
        return json.endArray().endObject().toString();
    }
}
