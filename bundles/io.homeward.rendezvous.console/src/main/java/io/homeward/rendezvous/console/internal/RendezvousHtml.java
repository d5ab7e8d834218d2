package io.homeward.rendezvous.console.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.xbill.DNS.Type;

import io.homeward.api.accounts.Account;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.rendezvous.ZoneRecord;
import io.homeward.kit.html.Html;
import io.homeward.rendezvous.console.internal.RendezvousFacts.ListenerFacts;
import io.homeward.rendezvous.console.internal.RendezvousFacts.ZoneFacts;

/** The page body; the Web Console wraps it in its layout. Every value is escaped. */
final class RendezvousHtml {
    private final StringBuilder s = new StringBuilder(4096);
    private final Instant now;

    private RendezvousHtml(Instant now) {
        this.now = now;
    }

    static String render(RendezvousFacts facts) {
        RendezvousHtml page = new RendezvousHtml(facts.now());
        page.s.append("<p class=\"statline\">Relative times are measured from ").append(TimeText.instant(facts.now()))
                .append(".</p>\n");
        page.section("DNS listeners", facts.listeners(), page::listeners);
        page.section("Zones", facts.zones(), page::zones);
        page.section("Users", facts.users(), page::users);
        page.section("Long-lived queries and push subscriptions", facts.watches(), page::watches);
        return page.s.toString();
    }

    private <T> void section(String title, Section<T> section, Consumer<T> body) {
        s.append("<h2>").append(Html.escape(title)).append("</h2>\n");
        section.content().ifPresentOrElse(body,
                () -> s.append("<p class=\"statline ui-state-error\">").append(Html.escape(section.problem())).append("</p>\n"));
    }

    private void listeners(ListenerFacts facts) {
        table("Transport", "Address", "Open connections", "Dropped", "Refused");
        empty(facts.listeners(), 5, "no listener is bound");
        for (ListenerState l : facts.listeners()) {
            row(l.transport().text(), l.address(), l.openConnections(), l.dropped(), l.refused());
        }
        end();
        s.append("<p>TLS certificate fingerprint (SHA-256) that agents pin: ")
                .append(facts.hasFingerprint() ? "<code>" + Html.escape(facts.tlsFingerprint()) + "</code>" : "no TLS certificate")
                .append("</p>\n");
    }

    private void zones(List<ZoneFacts> zones) {
        table("Zone", "Serial", "Records");
        empty(zones, 3, "no zones; adding a user creates one");
        for (ZoneFacts z : zones) {
            row(z.summary().zone(), z.summary().serial(), z.summary().records());
        }
        end();
        for (ZoneFacts z : zones) {
            s.append("<h3>Records of ").append(Html.escape(z.summary().zone())).append("</h3>\n");
            table("Name", "Type", "TTL", "RDATA", "Lease expires");
            empty(z.records(), 5, "no records");
            for (ZoneRecord r : z.records()) {
                row(r.name(), Type.string(r.type()), r.ttl(), r.rdata(),
                        TimeText.lease(now, r.leaseExpires(), TimeText.NO_LEASE));
            }
            end();
        }
    }

    private void users(List<Account> users) {
        table("User", "Zone", "Created", "Password changed");
        empty(users, 4, "no users");
        for (Account a : users) {
            row(a.user(), a.zone(), TimeText.instant(a.created()), TimeText.instant(a.changed()));
        }
        end();
    }

    private void watches(List<WatchState> watches) {
        table("Mechanism", "Client", "Zone", "Name", "Type", "Lease expires", "Last event", "Unacked");
        empty(watches, 8, "none");
        for (WatchState w : watches) {
            row(w.mechanism().text(), w.client(), w.zone(), w.name(), Type.string(w.type()),
                    TimeText.lease(now, w.leaseExpires(), TimeText.SESSION_LEASE), TimeText.lastEvent(now, w.lastEvent()),
                    w.unacked());
        }
        end();
    }

    private void table(String... headings) {
        s.append("<table class=\"nicetable\">\n<thead><tr>");
        for (String h : headings) {
            s.append("<th>").append(Html.escape(h)).append("</th>");
        }
        s.append("</tr></thead>\n<tbody>\n");
    }

    private void empty(List<?> rows, int columns, String text) {
        if (rows.isEmpty()) {
            s.append("<tr><td colspan=\"").append(columns).append("\">").append(Html.escape(text)).append("</td></tr>\n");
        }
    }

    private void row(Object... cells) {
        s.append("<tr>");
        for (Object cell : cells) {
            s.append("<td>").append(Html.escape(cell)).append("</td>");
        }
        s.append("</tr>\n");
    }

    private void end() {
        s.append("</tbody>\n</table>\n");
    }
}
