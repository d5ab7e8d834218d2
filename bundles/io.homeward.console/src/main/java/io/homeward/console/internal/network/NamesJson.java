package io.homeward.console.internal.network;

import io.homeward.api.dns.NamesReport;
import io.homeward.kit.json.JsonWriter;

/** The names section as JSON (RFC 8259): the zone, where the name server listens, what it answered. */
final class NamesJson {
    private NamesJson() {
    }

    static String render(NamesReport report) {
        JsonWriter json = new JsonWriter();
        write(json, report);
        return json.toString();
    }

    static void write(JsonWriter json, NamesReport r) {
        json.beginObject().member("zone", r.zone()).member("hostName", r.hostName()).member("held", r.held())
                .member("listening", r.listening()).member("directory", r.directory()).member("forwarded", r.forwarded())
                .member("forwardFailed", r.forwardFailed()).member("refused", r.refused())
                .member("malformed", r.malformed()).member("rateLimited", r.rateLimited())
                .member("rendezvous", r.rendezvous()).member("lastFailure", r.lastFailure())
                .member("systemResolver", r.systemResolver()).member("manualSetup", r.manualSetup()).endObject();
    }
}
