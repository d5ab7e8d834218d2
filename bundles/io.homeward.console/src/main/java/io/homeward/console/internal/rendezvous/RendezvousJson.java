package io.homeward.console.internal.rendezvous;

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
import io.homeward.console.internal.TimeText;
import io.homeward.console.internal.rendezvous.RendezvousFacts.ListenerFacts;
import io.homeward.console.internal.rendezvous.RendezvousFacts.UserFacts;
import io.homeward.console.internal.rendezvous.RendezvousFacts.ZoneFacts;
import io.homeward.kit.json.JsonWriter;

/**
 * The same facts as the page, as one JSON object for scripts and tests. A section whose service is
 * not running is null, and {@code unavailable} maps its key to the reason. A section alone (the page's
 * {@code /<key>.json}) is its value, or {@code {"missing": reason}}. Users carry names, zones and dates, never a key.
 */
final class RendezvousJson {
    private RendezvousJson() {
    }

    /** One section of the document: its facts as read and how its value is written. */
    private record Part<T>(RendezvousSource source, ServiceRead<T> read, BiConsumer<JsonWriter, T> render) {
        /** Writes the value and says true; writes nothing and says false when the section could not be read. */
        boolean write(JsonWriter json) {
            read.content().ifPresent(content -> render.accept(json, content));
            return read.content().isPresent();
        }
    }

    static String render(RendezvousFacts facts) {
        Map<String, String> unavailable = new LinkedHashMap<>();
        JsonWriter json = new JsonWriter().beginObject().member("now", TimeText.instant(facts.now()));
        for (Part<?> part : parts(facts)) {
            json.name(part.source().key());
            if (!part.write(json)) {
                json.nullValue();
                unavailable.put(part.source().key(), part.read().problem());
            }
        }
        json.name("unavailable").beginObject();
        unavailable.forEach(json::member);
        return json.endObject().endObject().toString();
    }

    /** The one section as a JSON document. */
    static String section(RendezvousFacts facts, RendezvousSource source) {
        Part<?> part = parts(facts).stream().filter(p -> p.source() == source).findFirst().orElseThrow();
        JsonWriter json = new JsonWriter();
        if (!part.write(json)) {
            json.beginObject().member("missing", part.read().problem()).endObject();
        }
        return json.toString();
    }

    private static List<Part<?>> parts(RendezvousFacts facts) {
        Instant now = facts.now();
        return List.of(
                new Part<>(RendezvousSource.LISTENERS, facts.listeners(), RendezvousJson::listeners),
                new Part<>(RendezvousSource.ZONES, facts.zones(), (j, zones) -> array(j, zones, (k, z) -> zone(k, z, now))),
                new Part<>(RendezvousSource.USERS, facts.users(), RendezvousJson::users),
                new Part<>(RendezvousSource.WATCHES, facts.watches(),
                        (j, watches) -> array(j, watches, (k, w) -> watch(k, w, now))),
                new Part<>(RendezvousSource.STUN, facts.stun(), (j, stun) -> j.beginObject()
                        .member("state", stun.state()).member("answered", stun.answered())
                        .member("ignored", stun.ignored()).endObject()));
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

    private static void users(JsonWriter json, UserFacts facts) {
        json.beginObject().member("domain", facts.domain()).name("users");
        array(json, facts.users(), RendezvousJson::user);
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
