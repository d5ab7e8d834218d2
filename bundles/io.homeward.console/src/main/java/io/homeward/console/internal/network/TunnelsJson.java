package io.homeward.console.internal.network;

import java.util.Locale;
import java.util.Map;

import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.TunnelsReport;
import io.homeward.kit.json.JsonWriter;
import io.homeward.kit.net.Endpoints;
import io.homeward.kit.text.Ipv6Text;

/** The tunnels section as JSON (RFC 8259): the interface, its routes, each SA pair's traffic and drops. */
final class TunnelsJson {
    private TunnelsJson() {
    }

    static String render(TunnelsReport report) {
        JsonWriter json = new JsonWriter();
        write(json, report);
        return json.toString();
    }

    static void write(JsonWriter json, TunnelsReport r) {
        json.beginObject().member("tun", r.tun()).member("routes", r.routes())
                .member("preferredSuite", r.preferredSuite()).name("sas").beginArray();
        for (SaStatus sa : r.sas()) {
            json.beginObject().member("peer", Ipv6Text.format(sa.peer()))
                    .member("inboundSpi", String.format(Locale.ROOT, "%08x", sa.inboundSpi()))
                    .member("outboundSpi", String.format(Locale.ROOT, "%08x", sa.outboundSpi()))
                    .member("suite", sa.suite()).member("esn", sa.esn()).member("sending", sa.sending())
                    .member("endpoint", sa.endpoint() == null ? null : Endpoints.text(sa.endpoint()))
                    .member("packetsIn", sa.packetsIn()).member("bytesIn", sa.bytesIn())
                    .member("packetsOut", sa.packetsOut()).member("bytesOut", sa.bytesOut()).name("drops").beginObject();
            sa.drops().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(d -> json.member(d.getKey().name().toLowerCase(Locale.ROOT), d.getValue()));
            json.endObject().endObject();
        }
        json.endArray().name("drops").beginObject();
        r.drops().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(d -> json.member(d.getKey(), d.getValue()));
        json.endObject().endObject();
    }
}
