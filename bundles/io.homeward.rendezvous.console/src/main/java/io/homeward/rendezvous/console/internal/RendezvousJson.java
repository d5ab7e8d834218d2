package io.homeward.rendezvous.console.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.xbill.DNS.Type;

import io.homeward.api.accounts.Account;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.rendezvous.ZoneRecord;
import io.homeward.kit.json.JsonWriter;
import io.homeward.rendezvous.console.internal.RendezvousFacts.ListenerFacts;
import io.homeward.rendezvous.console.internal.RendezvousFacts.ZoneFacts;

/**
 * The same facts as the page, as one JSON object for scripts and tests. A section whose service is
 * not running is null, and {@code unavailable} maps its key to the reason.
 */
final class RendezvousJson {
    private RendezvousJson() {
    }

    static String render(RendezvousFacts facts) {
        Instant now = facts.now();
        Map<String, String> unavailable = new LinkedHashMap<>();
        JsonWriter json = new JsonWriter().beginObject().member("now", TimeText.instant(now));
        section(json, unavailable, Source.LISTENERS, facts.listeners(), RendezvousJson::listeners);
        section(json, unavailable, Source.ZONES, facts.zones(), (j, zones) -> array(j, zones, (k, z) -> zone(k, z, now)));
        section(json, unavailable, Source.USERS, facts.users(), (j, users) -> array(j, users, RendezvousJson::user));
        section(json, unavailable, Source.WATCHES, facts.watches(),
                (j, watches) -> array(j, watches, (k, w) -> watch(k, w, now)));
        json.name("unavailable").beginObject();
        unavailable.forEach(json::member);
        return json.endObject().endObject().toString();
    }

    private static <T> void section(JsonWriter json, Map<String, String> unavailable, Source source, Section<T> section,
            BiConsumer<JsonWriter, T> render) {
        json.name(source.key());
        section.content().ifPresentOrElse(content -> render.accept(json, content), json::nullValue);
        if (section.content().isEmpty()) {
            unavailable.put(source.key(), section.problem());
        }
    }

    private static void listeners(JsonWriter json, ListenerFacts facts) {
        json.beginObject().member("tlsFingerprint", facts.hasFingerprint() ? facts.tlsFingerprint() : null)
                .name("listeners");
        array(json, facts.listeners(), RendezvousJson::listener);
        json.endObject();
    }

    private static void listener(JsonWriter json, ListenerState l) {
        json.beginObject().member("transport", l.transport().text()).member("address", l.address())
                .member("openConnections", l.openConnections()).member("dropped", l.dropped())
                .member("refused", l.refused()).endObject();
    }

    private static void zone(JsonWriter json, ZoneFacts z, Instant now) {
        json.beginObject().member("zone", z.summary().zone()).member("serial", z.summary().serial())
                .member("recordCount", z.summary().records()).name("records");
        array(json, z.records(), (j, r) -> record(j, r, now));
        json.endObject();
    }

    private static void record(JsonWriter json, ZoneRecord r, Instant now) {
        json.beginObject().member("name", r.name()).member("type", Type.string(r.type())).member("ttl", r.ttl())
                .member("rdata", r.rdata());
        lease(json, r.leaseExpires(), now, TimeText.NO_LEASE);
        json.endObject();
    }

    private static void user(JsonWriter json, Account a) {
        json.beginObject().member("user", a.user()).member("zone", a.zone())
                .member("created", TimeText.instant(a.created())).member("changed", TimeText.instant(a.changed()))
                .endObject();
    }

    private static void watch(JsonWriter json, WatchState w, Instant now) {
        json.beginObject().member("mechanism", w.mechanism().text()).member("client", w.client())
                .member("zone", w.zone()).member("name", w.name()).member("type", Type.string(w.type()));
        lease(json, w.leaseExpires(), now, TimeText.SESSION_LEASE);
        json.member("lastEvent", w.lastEvent().map(TimeText::instant)).member("unacked", w.unacked()).endObject();
    }

    /** The expiry as an instant (null without one) and as the page's relative text. */
    private static void lease(JsonWriter json, Optional<Instant> expires, Instant now, String withoutLease) {
        json.member("leaseExpires", expires.map(TimeText::instant))
                .member("leaseRemaining", expires.map(at -> TimeText.untilExpiry(now, at)).orElse(withoutLease));
    }

    private static <T> void array(JsonWriter json, List<T> items, BiConsumer<JsonWriter, T> render) {
        json.beginArray();
        items.forEach(item -> render.accept(json, item));
        json.endArray();
    }
}
