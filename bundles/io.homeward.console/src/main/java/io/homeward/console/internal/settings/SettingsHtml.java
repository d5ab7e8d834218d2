package io.homeward.console.internal.settings;

import static io.homeward.kit.html.Html.escape;

import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import io.homeward.api.signin.AccountState;
import io.homeward.api.signin.RenameState;
import io.homeward.api.signin.SignedIn;
import io.homeward.console.internal.ConsoleMenu;

/**
 * The Settings page's body: this machine's name with the rename form and how the last rename went (its live part,
 * which res/overview.js keeps current, so a running rename is followed without a reload), the
 * account with the sign-in, join and sign-out forms, and the way to every other setting. Every value is escaped; the
 * page has no inline script. At phone width the tables and forms stack (res/settings.css).
 */
final class SettingsHtml {
    private SettingsHtml() {
    }

    /**
     * @param outcome what the last form did, shown once; empty when nothing was submitted
     * @param appRoot the console's root path, for example {@code /system/console}
     * @param label   the label the page answers under ({@code homeward-settings})
     */
    static String page(SettingsFacts facts, Optional<SettingsOutcome> outcome, SettingsForm form, String appRoot,
            String label) {
        String root = appRoot + "/" + label;
        StringBuilder s = new StringBuilder(8192);
        s.append("<link rel=\"stylesheet\" href=\"").append(escape(root + "/res/overview.css")).append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"").append(escape(root + "/res/settings.css")).append("\">\n")
                .append(ConsoleMenu.render(appRoot, ConsoleMenu.SETTINGS));
        outcome.ifPresent(o -> s.append("<p id=\"settings-outcome\" role=\"status\" class=\"settings-outcome ")
                .append(o.ok() ? "outcome-ok" : "outcome-refused").append("\">").append(escape(o.message()))
                .append("</p>\n"));
        s.append("<section id=\"rename\" class=\"settings-section\">\n<h2>This machine's name</h2>\n")
                .append("<div id=\"homeward-live\" data-source=\"").append(escape(root + ".live")).append("\">\n")
                .append(live(facts)).append("</div>\n");
        if (facts.hostName().isPresent() && facts.account().isPresent()) {
            s.append("<form id=\"rename-form\" method=\"post\" class=\"settings-form\">\n")
                    .append("<label for=\"rename-name\">New name</label>\n")
                    .append("<input id=\"rename-name\" name=\"name\" type=\"text\" required maxlength=\"63\"")
                    .append(" pattern=\"[A-Za-z0-9]([A-Za-z0-9\\-]*[A-Za-z0-9])?\" autocomplete=\"off\" value=\"")
                    .append(escape(form.name())).append("\">\n")
                    .append("<button id=\"rename-submit\" type=\"submit\" name=\"action\" value=\"")
                    .append(SettingsActions.RENAME).append("\">Rename</button>\n</form>\n")
                    .append("<p class=\"hint\">Letters, digits and inner hyphens, up to 63. The machine is published")
                    .append(" under the new name at once and its old name is withdrawn; an enrolled machine first asks")
                    .append(" the rendezvous, which refuses a name another machine of the account has.</p>\n");
        }
        s.append("</section>\n");
        account(s, facts.account(), form);
        s.append("<section id=\"advanced\" class=\"settings-section\">\n<h2>Advanced</h2>\n<p>Every setting of every")
                .append(" component, checked against its description before it is stored: <a id=\"advanced-configuration\"")
                .append(" href=\"").append(escape(appRoot + "/configMgr")).append("\">Configuration</a>.</p>\n")
                .append("</section>\n<script src=\"").append(escape(root + "/res/overview.js")).append("\"></script>\n");
        return s.toString();
    }

    /** The name and the rename's state: the part the page fetches again while it is open. */
    static String live(SettingsFacts facts) {
        StringBuilder s = new StringBuilder(512);
        s.append("<p>This machine is called <strong id=\"host-name\">")
                .append(escape(facts.hostName().orElse("(no host identity)"))).append("</strong>");
        if (!facts.ula().isEmpty()) {
            s.append(" <span class=\"ula\">(ULA ").append(escape(facts.ula())).append(")</span>");
        }
        s.append(".</p>\n");
        RenameState rename = facts.account().map(AccountState::rename).orElse(RenameState.IDLE);
        if (rename.phase() != RenameState.Phase.IDLE) {
            String phase = rename.phase().name().toLowerCase(Locale.ROOT);
            s.append("<p id=\"rename-status\" role=\"status\" data-phase=\"").append(phase)
                    .append("\" class=\"rename-status rename-").append(phase).append("\">")
                    .append(escape(headline(rename))).append(' ').append(escape(rename.message()))
                    .append(escape(rename.changed().map(t -> " (" + t.truncatedTo(ChronoUnit.SECONDS) + ")").orElse("")))
                    .append("</p>\n");
        }
        return s.toString();
    }

    private static String headline(RenameState rename) {
        return switch (rename.phase()) {
            case RUNNING -> "Renaming " + rename.from() + " to " + rename.to() + "…";
            case DONE -> "Renamed " + rename.from() + " to " + rename.to() + ":";
            case FAILED -> "Not renamed:";
            case IDLE -> "";
        };
    }

    private static void account(StringBuilder s, Optional<AccountState> state, SettingsForm form) {
        s.append("<section id=\"account\" class=\"settings-section\">\n<h2>Account</h2>\n");
        if (state.isEmpty()) {
            s.append("<p>This runtime has no sign-in (bundle io.homeward.signin): it signs in nowhere.</p>\n</section>\n");
            return;
        }
        AccountState account = state.get();
        s.append("<table class=\"nicetable settings-table\"><tbody>\n");
        account.signedIn().ifPresentOrElse(i -> signedIn(s, i), () -> row(s, "Status", "Not signed in", "signed-in-as"));
        if (!account.lastError().isEmpty()) {
            row(s, "Last error", account.lastError(), "last-error");
        }
        s.append("</tbody></table>\n");
        if (!account.certificate().isEmpty()) {
            s.append("<h3>Host certificate</h3>\n<table class=\"nicetable settings-table\"><tbody>\n");
            account.certificate().forEach(f -> row(s, f.name(), f.value(), null));
            s.append("</tbody></table>\n");
        }
        if (account.signedIn().isPresent()) {
            s.append("<form method=\"post\" class=\"settings-form\"><button id=\"signout-submit\" type=\"submit\"")
                    .append(" name=\"action\" value=\"").append(SettingsActions.SIGN_OUT)
                    .append("\">Sign out</button></form>\n");
        }
        s.append("<h3>Sign in with the account's password</h3>\n<form method=\"post\" class=\"settings-form\">")
                .append("<table class=\"nicetable settings-table\"><tbody>\n");
        input(s, "Zone", "zone", "text", form.zone());
        input(s, "User", "user", "text", form.user());
        input(s, "Password", "password", "password", "");
        input(s, "Server (host:port, empty = find by SRV)", "server", "text", form.server());
        input(s, "TLS fingerprint (empty = accept and log it)", "pin", "text", form.pin());
        s.append("</tbody></table>\n<button id=\"signin-submit\" type=\"submit\" name=\"action\" value=\"")
                .append(SettingsActions.SIGN_IN).append("\">Sign in</button>\n</form>\n")
                .append("<h3>Join with an invite code</h3>\n<form method=\"post\" class=\"settings-form\">")
                .append("<table class=\"nicetable settings-table\"><tbody>\n");
        input(s, "Invite code", "code", "text", form.code());
        s.append("</tbody></table>\n<button id=\"join-submit\" type=\"submit\" name=\"action\" value=\"")
                .append(SettingsActions.JOIN).append("\">Join</button>\n</form>\n</section>\n");
    }

    private static void signedIn(StringBuilder s, SignedIn i) {
        row(s, "Signed in as", i.user() + " (zone " + i.zone() + ")", "signed-in-as");
        row(s, "Host key", i.hostKey() + (i.host().isEmpty() ? " (the zone's master key)" : ""), null);
        row(s, "Since", i.since().toString(), null);
        row(s, "Server", i.server(), null);
        row(s, "TLS pin", i.pin().isEmpty() ? "none" : i.pin(), null);
    }

    private static void row(StringBuilder s, String label, String value, String id) {
        s.append("<tr><th>").append(escape(label)).append("</th><td");
        if (id != null) {
            s.append(" id=\"").append(id).append('"');
        }
        s.append('>').append(escape(value)).append("</td></tr>\n");
    }

    private static void input(StringBuilder s, String label, String name, String type, String value) {
        s.append("<tr><th><label for=\"").append(name).append("\">").append(escape(label))
                .append("</label></th><td><input id=\"").append(name).append("\" name=\"").append(name)
                .append("\" type=\"").append(type).append("\" value=\"").append(escape(value))
                .append("\" size=\"60\"></td></tr>\n");
    }
}
