package io.homeward.console.internal.network;

import io.homeward.api.keying.IkeReport;
import io.homeward.kit.json.JsonWriter;

/** The IKE section as JSON (RFC 8259): the state, each peer, each IKE SA with its Child SAs. */
final class IkeJson {
    private IkeJson() {
    }

    static String render(IkeReport report) {
        JsonWriter json = new JsonWriter();
        write(json, report);
        return json.toString();
    }

    static void write(JsonWriter json, IkeReport report) {
        json.beginObject().member("state", report.state()).name("peers").beginArray();
        report.peers().forEach(p -> json.beginObject().member("host", p.host()).member("ula", p.ula())
                .member("endpoint", p.endpoint()).member("keying", p.keying()).endObject());
        json.endArray().name("sas").beginArray();
        report.sas().forEach(sa -> json.beginObject().member("peer", sa.peer()).member("initiator", sa.initiator())
                .member("state", sa.state()).member("local", sa.local()).member("remote", sa.remote())
                .member("algorithms", sa.algorithms()).member("ageSeconds", sa.age().toSeconds())
                .member("rekeyInSeconds", sa.rekeyIn().map(in -> in.toSeconds()))
                .member("children", sa.children()).endObject());
        json.endArray().endObject();
    }
}
