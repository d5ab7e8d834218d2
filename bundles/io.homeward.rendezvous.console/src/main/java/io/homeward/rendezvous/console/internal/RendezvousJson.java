package io.homeward.rendezvous.console.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.xbill.DNS.Type;

import io.homeward.api.accounts.Account;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.rendezvous.ZoneRecord;
import io.homeward.kit.json.Json;
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
        StringJoiner unavailable = new StringJoiner(",", "{", "}");
        StringBuilder s = new StringBuilder(2048).append("{\"now\":").append(Json.quote(TimeText.instant(now)));
        section(s, unavailable, Source.LISTENERS, facts.listeners(), RendezvousJson::listeners);
        section(s, unavailable, Source.ZONES, facts.zones(), zones -> array(zones, z -> zone(z, now)));
        section(s, unavailable, Source.USERS, facts.users(), users -> array(users, RendezvousJson::user));
        section(s, unavailable, Source.WATCHES, facts.watches(), watches -> array(watches, w -> watch(w, now)));
        return s.append(",\"unavailable\":").append(unavailable).append('}').toString();
    }

    private static <T> void section(StringBuilder s, StringJoiner unavailable, Source source, Section<T> section,
            Function<T, String> render) {
        s.append(",\"").append(source.key()).append("\":").append(section.content().map(render).orElse("null"));
        if (section.content().isEmpty()) {
            unavailable.add("\"" + source.key() + "\":" + Json.quote(section.problem()));
        }
    }

    private static String listeners(ListenerFacts facts) {
        return "{\"tlsFingerprint\":" + Json.quote(facts.hasFingerprint() ? facts.tlsFingerprint() : null)
                + ",\"listeners\":" + array(facts.listeners(), RendezvousJson::listener) + "}";
    }

    private static String listener(ListenerState l) {
        return "{\"transport\":" + Json.quote(l.transport().text()) + ",\"address\":" + Json.quote(l.address())
                + ",\"openConnections\":" + l.openConnections() + ",\"dropped\":" + l.dropped()
                + ",\"refused\":" + l.refused() + "}";
    }

    private static String zone(ZoneFacts z, Instant now) {
        return "{\"zone\":" + Json.quote(z.summary().zone()) + ",\"serial\":" + z.summary().serial()
                + ",\"recordCount\":" + z.summary().records()
                + ",\"records\":" + array(z.records(), r -> record(r, now)) + "}";
    }

    private static String record(ZoneRecord r, Instant now) {
        return "{\"name\":" + Json.quote(r.name()) + ",\"type\":" + Json.quote(Type.string(r.type()))
                + ",\"ttl\":" + r.ttl()
                + ",\"rdata\":" + Json.quote(r.rdata()) + lease(r.leaseExpires(), now, TimeText.NO_LEASE) + "}";
    }

    private static String user(Account a) {
        return "{\"user\":" + Json.quote(a.user()) + ",\"zone\":" + Json.quote(a.zone())
                + ",\"created\":" + Json.quote(TimeText.instant(a.created()))
                + ",\"changed\":" + Json.quote(TimeText.instant(a.changed())) + "}";
    }

    private static String watch(WatchState w, Instant now) {
        return "{\"mechanism\":" + Json.quote(w.mechanism().text()) + ",\"client\":" + Json.quote(w.client())
                + ",\"zone\":" + Json.quote(w.zone()) + ",\"name\":" + Json.quote(w.name())
                + ",\"type\":" + Json.quote(Type.string(w.type()))
                + lease(w.leaseExpires(), now, TimeText.SESSION_LEASE)
                + ",\"lastEvent\":" + Json.quote(w.lastEvent().map(TimeText::instant).orElse(null))
                + ",\"unacked\":" + w.unacked() + "}";
    }

    /** The expiry as an instant (null without one) and as the page's relative text. */
    private static String lease(Optional<Instant> expires, Instant now, String withoutLease) {
        return ",\"leaseExpires\":" + Json.quote(expires.map(TimeText::instant).orElse(null))
                + ",\"leaseRemaining\":" + Json.quote(expires.map(at -> TimeText.untilExpiry(now, at)).orElse(withoutLease));
    }

    private static <T> String array(List<T> items, Function<T, String> render) {
        return items.stream().map(render).collect(Collectors.joining(",", "[", "]"));
    }
}
