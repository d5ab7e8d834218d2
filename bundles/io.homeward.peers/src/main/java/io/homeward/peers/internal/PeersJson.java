package io.homeward.peers.internal;

import java.util.stream.Collectors;

import io.homeward.api.peers.Peer;
import io.homeward.kit.json.Json;
import io.homeward.kit.text.Ipv6Text;

/** The directory as JSON (RFC 8259) for {@code /system/console/homeward-peers.json}: what scripts and tests read. */
final class PeersJson {
    private PeersJson() {
    }

    static String render(DirectoryReport report) {
        return "{\"state\":" + Json.quote(report.state())
                + ",\"self\":" + report.selfName().map(Json::quote).orElse("null")
                + ",\"peers\":" + report.peers().stream().map(PeersJson::peer).collect(Collectors.joining(",", "[", "]"))
                + "}";
    }

    private static String peer(Peer p) {
        return "{\"host\":" + Json.quote(p.hostName()) + ",\"ula\":" + Json.quote(Ipv6Text.format(p.ula()))
                + ",\"endpoint\":" + (p.endpoint().isPresent() ? Json.quote(PeersText.endpoint(p)) : "null")
                + ",\"changed\":" + Json.quote(p.changed().toString()) + ",\"source\":" + Json.quote(p.source()) + "}";
    }
}
