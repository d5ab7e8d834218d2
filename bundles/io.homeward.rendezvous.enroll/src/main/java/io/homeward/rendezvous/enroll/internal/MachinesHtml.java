package io.homeward.rendezvous.enroll.internal;

import java.util.List;

import io.homeward.api.accounts.Account;
import io.homeward.api.ca.HostCertificate;
import io.homeward.kit.html.Html;
import io.homeward.kit.qr.QrCode;
import io.homeward.rendezvous.enroll.internal.Machines.Machine;
import io.homeward.rendezvous.enroll.internal.Machines.UserMachines;

/**
 * The machines page: per user the enrolled hosts (certificates, key) with a Revoke button and the pending invites
 * (never their secrets), and a form to invite a machine; after an invite, its code, the command to run and the code
 * as a QR code (an SVG that holds nothing from the code's text). All other output is escaped.
 */
final class MachinesHtml {

    private MachinesHtml() {
    }

    static String render(List<Account> accounts, List<UserMachines> users, PageOutcome outcome) {
        StringBuilder html = new StringBuilder(4096);
        if (outcome != null) {
            html.append("<p class=\"").append(outcome.ok() ? "ui-state-highlight" : "ui-state-error")
                    .append("\" role=\"status\">").append(Html.escape(outcome.message())).append("</p>\n");
            if (outcome.code() != null) {
                html.append("<p>Invite code (shown once):</p>\n<pre class=\"homeward-invite\">")
                        .append(Html.escape(outcome.code())).append("</pre>\n<p>On the new machine run:</p>\n<pre>")
                        .append(Html.escape(outcome.command())).append("</pre>\n")
                        .append("<p>Or scan it on the new machine:</p>\n<div class=\"homeward-invite-qr\" style=\"width:16em\">")
                        .append(QrCode.encode(outcome.code()).svg()).append("</div>\n");
            }
        }
        for (UserMachines user : users) {
            html.append("<h2>").append(Html.escape(user.account().user())).append(" <small>")
                    .append(Html.escape(user.account().zone())).append("</small></h2>\n");
            machines(html, user);
            invites(html, user.invites());
        }
        html.append("<h2>Invite a machine</h2>\n");
        if (accounts.isEmpty()) {
            return html.append("<p>There are no users yet: add one on the Homeward accounts page first.</p>\n").toString();
        }
        html.append("<form method=\"post\">").append(hidden("action", MachinesForm.INVITE))
                .append("<label>User <select name=\"user\">");
        for (Account a : accounts) {
            html.append("<option>").append(Html.escape(a.user())).append("</option>");
        }
        html.append("</select></label> <label>Host name (optional) <input name=\"host\" maxlength=\"63\""
                + " pattern=\"[A-Za-z0-9-]+\" placeholder=\"the new machine's own\"></label> ")
                .append("<label>Valid for <select name=\"valid\">");
        for (String valid : List.of("1h", "1d", "7d")) {
            html.append("<option>").append(valid).append("</option>");
        }
        return html.append("</select></label> <button type=\"submit\">Invite</button></form>\n")
                .append("<p>An invite is good for one machine, once; the code carries where this rendezvous is and"
                        + " the pin of its certificate.</p>\n").toString();
    }

    private static void machines(StringBuilder html, UserMachines user) {
        if (user.machines().isEmpty()) {
            html.append("<p>No enrolled hosts.</p>\n");
            return;
        }
        html.append("<table class=\"nicetable\">\n<thead><tr><th>Host</th><th>Key since</th><th>Certificates</th>"
                + "<th>Revoke</th></tr></thead>\n<tbody>\n");
        for (Machine m : user.machines()) {
            String fqdn = m.host() + "." + user.account().zone();
            html.append("<tr><td>").append(Html.escape(fqdn)).append("</td><td>")
                    .append(Html.escape(m.key().map(k -> k.enrolled().toString()).orElse("no key"))).append("</td><td>");
            for (HostCertificate c : m.certificates()) {
                html.append(Html.escape(c.serial().toString(16))).append(" until ").append(Html.escape(c.notAfter()))
                        .append(c.revoked().map(r -> " <strong>revoked " + Html.escape(r) + "</strong>").orElse(""))
                        .append("<br>");
            }
            html.append("</td><td><form method=\"post\">").append(hidden("action", MachinesForm.REVOKE))
                    .append(hidden("host", fqdn)).append("<button type=\"submit\">Revoke ").append(Html.escape(m.host()))
                    .append("</button></form></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void invites(StringBuilder html, List<Invite> invites) {
        if (invites.isEmpty()) {
            return;
        }
        html.append("<table class=\"nicetable\">\n<thead><tr><th>Pending invite</th><th>For</th><th>Expires</th>"
                + "</tr></thead>\n<tbody>\n");
        for (Invite i : invites) {
            html.append("<tr><td>").append(Html.escape(i.id())).append("</td><td>").append(Html.escape(i.hostText()))
                    .append("</td><td>").append(Html.escape(i.expires())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\">";
    }
}
