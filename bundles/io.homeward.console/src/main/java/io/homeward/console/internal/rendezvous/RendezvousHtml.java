package io.homeward.console.internal.rendezvous;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.xbill.DNS.Type;

import io.homeward.api.accounts.Account;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.api.rendezvous.StunServerReport;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.rendezvous.ZoneRecord;
import io.homeward.console.internal.Cells;
import io.homeward.console.internal.ConsoleMenu;
import io.homeward.console.internal.FormParts;
import io.homeward.console.internal.PageOutcome;
import io.homeward.console.internal.TimeText;
import io.homeward.console.internal.rendezvous.RendezvousFacts.ListenerFacts;
import io.homeward.console.internal.rendezvous.RendezvousFacts.UserFacts;
import io.homeward.console.internal.rendezvous.RendezvousFacts.ZoneFacts;
import io.homeward.kit.html.Html;

/**
 * The page body; the Web Console wraps it in its layout. Each section ({@code section#homeward-rendezvous-<key>}) links
 * to its JSON; the Users section carries the forms that add a user, set a password and remove a user. Every value is
 * escaped.
 */
final class RendezvousHtml {
    private final StringBuilder s = new StringBuilder(4096);
    private final Instant now;
    private final String pageRoot;
    private String[] columns = {};

    private RendezvousHtml(Instant now, String pageRoot) {
        this.now = now;
        this.pageRoot = pageRoot;
    }

    /**
     * @param appRoot the console's root path, for the sections' JSON links
     * @param outcome what the last form did, shown once at the top; null when nothing was posted
     * @param only    the one section to show (the page's {@code /<key>} path); empty for all of them
     */
    static String render(RendezvousFacts facts, String appRoot, PageOutcome outcome, Optional<RendezvousSource> only) {
        RendezvousHtml page = new RendezvousHtml(facts.now(), appRoot + "/" + ConsoleMenu.RENDEZVOUS.label());
        FormParts.outcome(page.s, outcome);
        page.s.append("<p class=\"statline\">Relative times are measured from ").append(TimeText.instant(facts.now()))
                .append(".</p>\n");
        Predicate<RendezvousSource> shown = source -> only.isEmpty() || only.get() == source;
        page.section(shown, RendezvousSource.LISTENERS, "DNS listeners", facts.listeners(), page::listeners);
        page.section(shown, RendezvousSource.ZONES, "Zones", facts.zones(), page::zones);
        page.section(shown, RendezvousSource.USERS, "Users", facts.users(), page::users);
        page.section(shown, RendezvousSource.WATCHES, "Long-lived queries and push subscriptions", facts.watches(),
                page::watches);
        page.section(shown, RendezvousSource.STUN, "STUN server", facts.stun(), page::stun);
        return page.s.toString();
    }

    private <T> void section(Predicate<RendezvousSource> shown, RendezvousSource source, String title,
            ServiceRead<T> section, Consumer<T> body) {
        if (!shown.test(source)) {
            return;
        }
        s.append("<section id=\"").append(Html.escape(ConsoleMenu.RENDEZVOUS.label() + "-" + source.key()))
                .append("\">\n<h2>").append(Html.escape(title)).append(" <a class=\"json\" href=\"")
                .append(Html.escape(pageRoot + "/" + source.key() + ".json")).append("\">JSON</a></h2>\n");
        section.content().ifPresentOrElse(body,
                () -> s.append("<p class=\"statline ui-state-error\">").append(Html.escape(section.problem())).append("</p>\n"));
        s.append("</section>\n");
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

    /**
     * A row per user with a password field and a Remove button (the page asks before removing), then the form that
     * adds a user. The forms post to the address they are shown at; the password never comes back into a page.
     */
    private void users(UserFacts facts) {
        int count = facts.users().size();
        s.append("<p class=\"statline\">").append(count).append(count == 1 ? " user" : " users").append(" under ")
                .append(Html.escape(facts.domain())).append("</p>\n");
        s.append("<table class=\"nicetable homeward-users\">\n<thead><tr><th>User</th><th>Zone</th><th>Created</th>"
                + "<th>Password changed</th><th>Set password</th><th>Remove</th></tr></thead>\n<tbody>\n");
        empty(facts.users(), 6, "no users yet; add one below");
        for (Account a : facts.users()) {
            String user = Html.escape(a.user());
            s.append("<tr class=\"user\" data-user=\"").append(user).append("\">");
            Cells.cell(s, "User", a.user());
            Cells.cell(s, "Zone", a.zone());
            Cells.cell(s, "Created", TimeText.instant(a.created()));
            Cells.cell(s, "Password changed", TimeText.instant(a.changed()));
            Cells.markup(s, "Set password", "<form method=\"post\">" + FormParts.hidden("action", UsersForm.PASSWD)
                    + FormParts.hidden("user", a.user()) + "<input type=\"password\" name=\"password\""
                    + " autocomplete=\"new-password\" required aria-label=\"New password for " + user + "\">"
                    + "<button type=\"submit\" class=\"passwd-button\">Set</button></form>");
            Cells.markup(s, "Remove", "<form method=\"post\">" + FormParts.hidden("action", UsersForm.REMOVE)
                    + FormParts.hidden("user", a.user()) + "<button type=\"submit\" class=\"remove-button\">Remove "
                    + user + "</button></form>");
            s.append("</tr>\n");
        }
        end();
        s.append("<h3>Add a user</h3>\n<form method=\"post\" id=\"add-user-form\">")
                .append(FormParts.hidden("action", UsersForm.ADD))
                .append("<label>User name <input name=\"user\" id=\"add-user-name\" required maxlength=\"63\""
                        + " pattern=\"[A-Za-z0-9-]+\"></label> <label>Password <input type=\"password\" name=\"password\""
                        + " id=\"add-user-password\" autocomplete=\"new-password\" required></label>"
                        + " <button type=\"submit\" id=\"add-user-submit\">Add</button></form>\n")
                .append("<p>A user&#39;s zone is &lt;user&gt;.").append(Html.escape(facts.domain()))
                .append(" Hosts sign in with the user name and password; only a key derived from the password is"
                        + " stored.</p>\n");
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

    private void stun(StunServerReport stun) {
        table("State", "Answered", "Ignored");
        row(stun.state(), stun.answered(), stun.ignored());
        end();
    }

    private void table(String... headings) {
        columns = headings;
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

    /** A row of the current table, each cell labelled with its column for the phone-width cards. */
    private void row(Object... cells) {
        s.append("<tr>");
        for (int i = 0; i < cells.length; i++) {
            Cells.cell(s, columns[i], String.valueOf(cells[i]));
        }
        s.append("</tr>\n");
    }

    private void end() {
        s.append("</tbody>\n</table>\n");
    }
}
