package io.homeward.console.internal.network;

import java.util.Map;
import java.util.TreeMap;

import io.homeward.api.kerberos.HeldTicket;
import io.homeward.api.kerberos.KdcStatus;
import io.homeward.api.kerberos.KerberosErrors;
import io.homeward.console.internal.Cells;
import io.homeward.console.internal.TimeText;
import io.homeward.kit.html.Html;

/**
 * The Kerberos section as HTML: "This host's KDC" (a two-column table, the principals as a list, the KRB-ERRORs sent
 * by code with their names) and "Tickets held" (client, server, start, end, time left, the session key's encryption
 * type). Realms, principals and reasons come from the network and other bundles: every value is escaped.
 */
final class KerberosHtml {
    private KerberosHtml() {
    }

    static String render(KerberosFacts facts) {
        StringBuilder s = new StringBuilder(2048).append("<h3>This host's KDC</h3>\n");
        facts.kdc().ifPresentOrElse(status -> kdc(s, status), () -> statline(s, facts.kdcMissing()));
        s.append("<h3>Tickets held</h3>\n");
        facts.tickets().ifPresentOrElse(tickets -> {
            if (tickets.isEmpty()) {
                s.append("<p>None: this host holds no ticket for a service on your other machines.</p>\n");
                return;
            }
            s.append("<table class=\"nicetable kerberos-tickets\">\n<thead><tr><th>Client</th><th>Server</th>"
                    + "<th>Start</th><th>End</th><th>Left</th><th>Encryption</th></tr></thead>\n<tbody>\n");
            for (HeldTicket ticket : tickets) {
                s.append("<tr>");
                Cells.cell(s, "Client", ticket.client());
                Cells.cell(s, "Server", ticket.server());
                Cells.cell(s, "Start", TimeText.instant(ticket.start()));
                Cells.cell(s, "End", TimeText.instant(ticket.end()));
                Cells.cell(s, "Left", TimeText.untilExpiry(facts.now(), ticket.end()));
                Cells.cell(s, "Encryption", ticket.encryption());
                s.append("</tr>\n");
            }
            s.append("</tbody>\n</table>\n");
        }, () -> statline(s, facts.ticketsMissing()));
        return s.toString();
    }

    private static void kdc(StringBuilder s, KdcStatus status) {
        s.append("<table class=\"nicetable kerberos-kdc\">\n");
        Cells.row(s, "Realm", status.realm());
        Cells.row(s, "Listening", String.join(", ", status.listening()));
        Cells.row(s, "Requests", Long.toString(status.requests()));
        Cells.row(s, "Not answered (outside the tunnel)", Long.toString(status.refusedSources()));
        Cells.row(s, "Issued by the AS exchange (TGTs)", Long.toString(status.asIssued()));
        Cells.row(s, "Issued by the TGS exchange (service tickets)", Long.toString(status.tgsIssued()));
        s.append("</table>\n<h4>Principals</h4>\n");
        if (status.principals().isEmpty()) {
            s.append("<p>None.</p>\n");
        } else {
            s.append("<ul class=\"kerberos-principals\">\n");
            status.principals().forEach(p -> s.append("<li>").append(Html.escape(p)).append("</li>\n"));
            s.append("</ul>\n");
        }
        s.append("<h4>KRB-ERRORs sent</h4>\n");
        if (status.errorsByCode().isEmpty()) {
            s.append("<p>None.</p>\n");
            return;
        }
        s.append("<table class=\"nicetable kerberos-errors\">\n<thead><tr><th>Code</th><th>Name</th><th>Sent</th>"
                + "</tr></thead>\n<tbody>\n");
        for (Map.Entry<Integer, Long> error : new TreeMap<>(status.errorsByCode()).entrySet()) {
            s.append("<tr>");
            Cells.cell(s, "Code", Integer.toString(error.getKey()));
            Cells.cell(s, "Name", KerberosErrors.name(error.getKey()));
            Cells.cell(s, "Sent", Long.toString(error.getValue()));
            s.append("</tr>\n");
        }
        s.append("</tbody>\n</table>\n");
    }

    private static void statline(StringBuilder s, String line) {
        s.append("<p class=\"statline\">").append(Html.escape(line)).append("</p>\n");
    }
}
