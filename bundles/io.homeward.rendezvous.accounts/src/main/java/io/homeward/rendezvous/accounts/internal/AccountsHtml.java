package io.homeward.rendezvous.accounts.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;

import io.homeward.api.accounts.Account;
import io.homeward.kit.html.Html;

/** The web console page listing users with forms to add one, set a password and remove one. All output is escaped. */
final class AccountsHtml {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ISO_INSTANT;

    private AccountsHtml() {
    }

    static String render(String domain, List<Account> users, FormOutcome outcome) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<p class=\"statline\">").append(users.size()).append(users.size() == 1 ? " user" : " users")
                .append(" under ").append(Html.escape(domain)).append("</p>\n");
        if (outcome != null) {
            html.append("<p class=\"").append(outcome.ok() ? "ui-state-highlight" : "ui-state-error")
                    .append("\" role=\"status\">").append(Html.escape(outcome.message())).append("</p>\n");
        }
        html.append("<table class=\"nicetable\">\n<thead><tr><th>User</th><th>Zone</th><th>Created</th>"
                + "<th>Password changed</th><th>Set password</th><th>Remove</th></tr></thead>\n<tbody>\n");
        for (Account a : users) {
            String user = Html.escape(a.user());
            html.append("<tr><td>").append(user).append("</td><td>").append(Html.escape(a.zone())).append("</td><td>")
                    .append(WHEN.format(a.created())).append("</td><td>").append(WHEN.format(a.changed())).append("</td><td>")
                    .append("<form method=\"post\">").append(hidden("action", AccountForm.PASSWD)).append(hidden("user", a.user()))
                    .append("<input type=\"password\" name=\"password\" autocomplete=\"new-password\" minlength=\"")
                    .append(PasswordRules.MIN_LENGTH).append("\" aria-label=\"New password for ").append(user).append("\">")
                    .append("<button type=\"submit\">Set</button></form></td><td>")
                    .append("<form method=\"post\">").append(hidden("action", AccountForm.REMOVE)).append(hidden("user", a.user()))
                    .append("<button type=\"submit\">Remove ").append(user).append("</button></form></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<h2>Add a user</h2>\n<form method=\"post\">").append(hidden("action", AccountForm.ADD))
                .append("<label>User name <input name=\"user\" required maxlength=\"63\" pattern=\"[A-Za-z0-9-]+\"></label> ")
                .append("<label>Password <input type=\"password\" name=\"password\" autocomplete=\"new-password\" required minlength=\"")
                .append(PasswordRules.MIN_LENGTH).append("\"></label> <button type=\"submit\">Add</button></form>\n")
                .append("<p>A user's zone is &lt;user&gt;.").append(Html.escape(domain))
                .append(" Hosts sign in with the user name and password; only a key derived from the password is stored.</p>\n");
        return html.toString();
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\">";
    }
}
