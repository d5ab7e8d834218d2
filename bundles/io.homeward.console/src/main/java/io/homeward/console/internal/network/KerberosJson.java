package io.homeward.console.internal.network;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.homeward.api.kerberos.HeldTicket;
import io.homeward.api.kerberos.KdcStatus;
import io.homeward.api.kerberos.KerberosErrors;
import io.homeward.kit.json.JsonWriter;

/**
 * The Kerberos section as JSON (RFC 8259): {@code asOf}; {@code kdc}: {@code realm}, {@code listening},
 * {@code principals}, {@code requests}, {@code refusedSources}, {@code asIssued}, {@code tgsIssued} and {@code errors}
 * (each {@code code}, {@code name}, {@code count}, by code); {@code held}: {@code tickets}, each {@code client},
 * {@code server}, {@code start}, {@code end}, {@code secondsLeft} (0 once ended) and {@code encryption}. Either part
 * is {@code {"missing": "..."}} when its service does not run here. Times are ISO-8601 UTC.
 */
final class KerberosJson {
    private KerberosJson() {
    }

    static String render(KerberosFacts facts) {
        JsonWriter json = new JsonWriter();
        write(json, facts);
        return json.toString();
    }

    static void write(JsonWriter json, KerberosFacts facts) {
        json.beginObject().member("asOf", facts.now().toString()).name("kdc");
        facts.kdc().ifPresentOrElse(status -> kdc(json, status), () -> missing(json, facts.kdcMissing()));
        json.name("held");
        facts.tickets().ifPresentOrElse(tickets -> tickets(json, tickets, facts),
                () -> missing(json, facts.ticketsMissing()));
        json.endObject();
    }

    private static void kdc(JsonWriter json, KdcStatus status) {
        json.beginObject().member("realm", status.realm()).member("listening", status.listening())
                .member("principals", status.principals()).member("requests", status.requests())
                .member("refusedSources", status.refusedSources()).member("asIssued", status.asIssued())
                .member("tgsIssued", status.tgsIssued()).name("errors").beginArray();
        for (Map.Entry<Integer, Long> error : new TreeMap<>(status.errorsByCode()).entrySet()) {
            json.beginObject().member("code", error.getKey()).member("name", KerberosErrors.name(error.getKey()))
                    .member("count", error.getValue()).endObject();
        }
        json.endArray().endObject();
    }

    private static void tickets(JsonWriter json, List<HeldTicket> tickets, KerberosFacts facts) {
        json.beginObject().name("tickets").beginArray();
        for (HeldTicket ticket : tickets) {
            json.beginObject().member("client", ticket.client()).member("server", ticket.server())
                    .member("start", ticket.start().toString()).member("end", ticket.end().toString())
                    .member("secondsLeft", Math.max(0, ticket.end().getEpochSecond() - facts.now().getEpochSecond()))
                    .member("encryption", ticket.encryption()).endObject();
        }
        json.endArray().endObject();
    }

    private static void missing(JsonWriter json, String line) {
        json.beginObject().member("missing", line).endObject();
    }
}
