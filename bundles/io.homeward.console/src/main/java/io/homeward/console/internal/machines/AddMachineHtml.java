package io.homeward.console.internal.machines;

import java.net.InetAddress;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.homeward.api.enroll.InvitePreflight;
import io.homeward.api.enroll.PendingInvite;
import io.homeward.api.enroll.PreflightCheck;
import io.homeward.api.enroll.UserMachines;
import io.homeward.console.internal.Cells;
import io.homeward.console.internal.ConsoleMenu;
import io.homeward.console.internal.FormParts;
import io.homeward.console.internal.LivePart;
import io.homeward.console.internal.PageOutcome;
import io.homeward.kit.html.Html;
import io.homeward.kit.qr.QrCode;

/**
 * The add-a-machine page: the pre-flight check first (what an invite would carry and whether a machine elsewhere
 * reaches it, with a "Listen on <LAN address>" button per candidate when it does not), then the invite form, the new
 * invite's code, QR code and command (shown once), and the pending invites with Cancel. Every value is escaped.
 */
final class AddMachineHtml {
    private AddMachineHtml() {
    }

    /**
     * @param users     the rendezvous' users with their pending invites; empty when the rendezvous does not run here
     * @param preflight the rendezvous' pre-flight report; empty when it does not run here
     * @param canFix    whether the configuration can be changed here (ConfigurationAdmin runs)
     */
    static String page(String appRoot, Optional<InvitePreflight> preflight, List<UserMachines> users,
            PageOutcome outcome, boolean canFix) {
        String root = appRoot + "/" + AddMachinePage.LABEL;
        StringBuilder s = new StringBuilder(4096).append(LivePart.stylesheet(root))
                .append(ConsoleMenu.render(appRoot, ConsoleMenu.ADD_MACHINE));
        FormParts.outcome(s, outcome);
        s.append("<div class=\"homeward-page\">\n");
        if (outcome != null && outcome.code() != null) {
            invite(s, outcome);
        }
        if (preflight.isEmpty()) {
            s.append("<p>The rendezvous does not run here: invites are made on the console of the rendezvous this"
                    + " host is signed in to, or with homeward:invite in its shell. On the new machine, run the"
                    + " command it shows, or paste the code on its Settings page.</p>\n");
        } else {
            preflight(s, preflight.get(), canFix);
            form(s, users);
            pending(s, users);
        }
        return s.append("</div>\n").toString();
    }

    private static void invite(StringBuilder s, PageOutcome outcome) {
        s.append("<div id=\"homeward-new-invite\">\n<p>Invite code (shown once; select it with a double click):</p>\n")
                .append("<pre id=\"homeward-invite-code\" class=\"homeward-invite\">").append(Html.escape(outcome.code()))
                .append("</pre>\n<p>On the new machine run:</p>\n<pre id=\"homeward-join-command\">")
                .append(Html.escape(outcome.command())).append("</pre>\n<p>Or scan it with the new machine:</p>\n")
                .append("<div id=\"homeward-invite-qr\" class=\"homeward-invite-qr\">")
                .append(QrCode.encode(outcome.code()).svg()).append("</div>\n</div>\n");
    }

    private static void preflight(StringBuilder s, InvitePreflight preflight, boolean canFix) {
        s.append("<h2>Can a new machine reach this rendezvous?</h2>\n<p id=\"homeward-preflight\" class=\"")
                .append(preflight.ready() ? "ready\">Yes: " : "not-ready ui-state-error\">Not from another machine: ")
                .append(Html.escape(carried(preflight))).append("</p>\n<ul class=\"homeward-checks\">\n");
        for (PreflightCheck check : preflight.checks()) {
            s.append("<li class=\"").append(check.ok() ? "ok" : "failed").append("\"><strong>")
                    .append(Html.escape(check.subject())).append(":</strong> ").append(Html.escape(check.found()))
                    .append("</li>\n");
        }
        s.append("</ul>\n");
        if (preflight.ready()) {
            return;
        }
        if (preflight.candidates().isEmpty()) {
            s.append("<p>This host has no address another machine could reach (only loopback and link-local): connect"
                    + " it to a network, or set the bind and advertised addresses on the Configuration page.</p>\n");
        } else if (!canFix) {
            s.append("<p>The configuration cannot be changed here (no Configuration Admin runs).</p>\n");
        } else {
            s.append("<p>Listen where other machines reach this host: the DNS listeners and the enrollment server"
                    + " then listen on every interface (this machine still reaches them at 127.0.0.1), and invites"
                    + " name the address.</p>\n");
            for (InetAddress candidate : preflight.candidates()) {
                s.append("<form method=\"post\">").append(FormParts.hidden("action", AddMachinePage.LISTEN))
                        .append(FormParts.hidden("address", candidate.getHostAddress()))
                        .append("<button type=\"submit\" class=\"listen-button\">Listen on ")
                        .append(Html.escape(candidate.getHostAddress())).append("</button></form>\n");
            }
        }
    }

    /** "invites name 192.168.1.20, DNS port 8053, DNS over TLS 8853, enrollment 8443, STUN 3478". */
    static String carried(InvitePreflight preflight) {
        if (preflight.addresses().isEmpty()) {
            return "an invite could name no address.";
        }
        return "invites name " + String.join(", ", preflight.addresses().stream().map(InetAddress::getHostAddress)
                .toList()) + ", DNS port " + preflight.dnsPort() + ", DNS over TLS " + preflight.tlsPort()
                + ", enrollment " + preflight.estPort() + ", STUN " + preflight.stunPort() + ".";
    }

    private static void form(StringBuilder s, List<UserMachines> users) {
        s.append("<h2>Invite a machine</h2>\n");
        if (users.isEmpty()) {
            s.append("<p>There are no users yet: add one on the Rendezvous page first.</p>\n");
            return;
        }
        s.append("<form method=\"post\" id=\"homeward-invite-form\">").append(FormParts.hidden("action",
                AddMachinePage.INVITE)).append("<label>User <select name=\"user\" id=\"homeward-invite-user\">");
        for (UserMachines user : users) {
            s.append("<option>").append(Html.escape(user.user())).append("</option>");
        }
        s.append("</select></label> <label>Host name (optional) <input name=\"host\" id=\"homeward-invite-host\""
                + " maxlength=\"63\" pattern=\"[A-Za-z0-9-]+\" placeholder=\"the new machine's own\"></label> ")
                .append("<label>Valid for <select name=\"valid\" id=\"homeward-invite-valid\">");
        for (String valid : InviteValidity.CHOICES.keySet()) {
            s.append("<option>").append(Html.escape(valid)).append("</option>");
        }
        s.append("</select></label> <button type=\"submit\" id=\"homeward-invite\">Invite</button></form>\n")
                .append("<p>An invite is good for one machine, once; its code carries where this rendezvous is and"
                        + " the pin of its certificate.</p>\n");
    }

    private static void pending(StringBuilder s, List<UserMachines> users) {
        List<PendingInvite> invites = users.stream().flatMap(u -> u.invites().stream()).toList();
        if (invites.isEmpty()) {
            return;
        }
        s.append("<h2>Pending invites</h2>\n<table class=\"nicetable homeward-invites homeward-reflow\">\n<thead><tr>")
                .append("<th>Invite</th><th>User</th><th>For</th><th>Expires</th><th>Cancel</th></tr></thead>\n")
                .append("<tbody>\n");
        for (PendingInvite i : invites) {
            s.append("<tr class=\"invite\" data-invite=\"").append(Html.escape(i.id())).append("\">");
            Cells.cell(s, "Invite", i.id());
            Cells.cell(s, "User", i.user());
            Cells.cell(s, "For", i.host().orElse("(the joining machine's name)"));
            Cells.cell(s, "Expires", i.expires().truncatedTo(ChronoUnit.SECONDS).toString());
            s.append("<td data-label=\"Cancel\"><form method=\"post\">")
                    .append(FormParts.hidden("action", AddMachinePage.CANCEL)).append(FormParts.hidden("id", i.id()))
                    .append("<button type=\"submit\" class=\"cancel-invite-button\">Cancel</button></form></td></tr>\n");
        }
        s.append("</tbody>\n</table>\n");
    }
}
