package io.homeward.console.internal.machines;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.homeward.api.keying.KeyingStatus;
import io.homeward.console.internal.Cells;
import io.homeward.console.internal.ConsoleMenu;
import io.homeward.console.internal.FormParts;
import io.homeward.console.internal.LivePart;
import io.homeward.console.internal.PageOutcome;
import io.homeward.console.internal.TimeText;
import io.homeward.console.internal.machines.MachinesFacts.Row;
import io.homeward.console.internal.machines.MachinesFacts.Section;
import io.homeward.kit.html.Html;

/**
 * The machines page: the last action's outcome, then (live, see {@link LivePart}) per user a table with a row per
 * machine, its state and its actions: Ping, Revoke (where the rendezvous runs here; never this host itself),
 * Rename. Rows are {@code tr.machine[data-machine=NAME]}; cells carry their column name so the table reflows into
 * cards at phone width. Every value is escaped; the page has no inline script.
 */
public final class MachinesHtml {
    private MachinesHtml() {
    }

    /** @param appRoot the console's root path, for example {@code /system/console} */
    static String page(MachinesFacts facts, String appRoot, PageOutcome outcome) {
        String root = appRoot + "/" + MachinesPage.LABEL;
        StringBuilder s = new StringBuilder(4096).append(LivePart.stylesheet(root))
                .append(ConsoleMenu.render(appRoot, ConsoleMenu.MACHINES));
        FormParts.outcome(s, outcome);
        return s.append(LivePart.container(root, live(facts, appRoot))).toString();
    }


    static String live(MachinesFacts facts, String appRoot) {
        StringBuilder s = new StringBuilder(4096);
        if (facts.users().isEmpty()) {
            s.append("<p>This host is not signed in, so it has no machines to show: sign in on the Settings page"
                    + " (or join with an invite code).</p>\n");
        }
        for (Section user : facts.users()) {
            s.append("<h2>").append(Html.escape(user.signedIn() ? "Your machines" : user.user())).append(" <small>")
                    .append(Html.escape(user.user() + ", " + user.zone())).append("</small></h2>\n");
            table(s, facts, user, appRoot);
        }
        if (!facts.keying()) {
            s.append("<p>No key exchange runs here (bundle io.homeward.ike), so machines cannot be pinged.</p>\n");
        }
        s.append(facts.rendezvous()
                ? "<p>Add a machine with an invite on the page Add a machine.</p>\n"
                : "<p>Invites and revocation happen on the console of the rendezvous this host is signed in to"
                        + " (or with homeward:invite and homeward:revoke in its shell).</p>\n");
        return s.toString();
    }

    private static void table(StringBuilder s, MachinesFacts facts, Section user, String appRoot) {
        if (user.rows().isEmpty()) {
            s.append("<p>No machines yet.</p>\n");
            return;
        }
        s.append("<table class=\"nicetable homeward-machines homeward-reflow\">\n<thead><tr><th>Name</th>")
                .append("<th>Status</th><th>Tunnel</th><th>Round trip</th><th>Reached</th><th>Last seen</th>")
                .append("<th>Certificate</th><th>Actions</th></tr></thead>\n<tbody>\n");
        for (Row row : user.rows()) {
            s.append("<tr class=\"machine\" data-machine=\"").append(Html.escape(row.label())).append("\">");
            Cells.cell(s, "Name", row.label() + (row.thisHost() ? " (this machine)" : ""));
            Cells.cell(s, "Status", row.thisHost() ? "this machine" : row.online() ? "online" : "offline");
            Cells.cell(s, "Tunnel", row.tunnel().map(t -> t.state().name().toLowerCase(Locale.ROOT)
                    + (t.detail().isEmpty() ? "" : ": " + t.detail())).orElse("-"));
            Cells.cell(s, "Round trip", row.tunnel().flatMap(KeyingStatus::roundTrip).map(r -> r.toMillis() + " ms")
                    .orElse("-"));
            Cells.cell(s, "Reached", row.via().orElse("-"));
            Cells.cell(s, "Last seen", row.lastSeen().map(t -> t.equals(facts.now()) ? "now"
                    : TimeText.ago(t, facts.now())).orElse("-"));
            Cells.cell(s, "Certificate", row.revoked() ? "revoked"
                    : row.certificate().map(c -> "valid until " + seconds(c)).orElse("-"));
            s.append("<td data-label=\"Actions\">");
            actions(s, facts, user, row, appRoot);
            s.append("</td></tr>\n");
        }
        s.append("</tbody>\n</table>\n");
    }

    private static void actions(StringBuilder s, MachinesFacts facts, Section user, Row row, String appRoot) {
        if (facts.keying() && !row.thisHost() && row.ula().isPresent()) {
            form(s, MachinesPage.PING, "ula", row.ula().get(), row.label(), "ping-button", "Ping");
        }
        if (row.enrolled() && !row.revoked() && !row.thisHost()) {
            form(s, MachinesPage.REVOKE, "host", row.name() + "." + user.zone(), user.user(), "revoke-button",
                    "Revoke");
        }
        if (row.thisHost()) {
            s.append("<a class=\"rename-link\" href=\"").append(Html.escape(appRoot + "/"
                    + ConsoleMenu.SETTINGS.label() + "#rename")).append("\">Rename</a>");
        } else if (user.signedIn() && !row.name().isEmpty()) {
            s.append("<span class=\"rename-hint\">Renamed on its own Settings page</span>");
        }
    }

    private static void form(StringBuilder s, String action, String field, String value, String about,
            String buttonClass, String button) {
        s.append("<form method=\"post\">").append(FormParts.hidden("action", action)).append(FormParts.hidden(field, value))
                .append(FormParts.hidden("about", about)).append("<button type=\"submit\" class=\"").append(buttonClass)
                .append("\">").append(Html.escape(button)).append("</button></form>");
    }


    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

}
