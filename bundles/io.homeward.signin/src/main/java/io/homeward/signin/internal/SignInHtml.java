package io.homeward.signin.internal;

import static io.homeward.kit.html.Html.escape;

import java.util.Map;

/**
 * The HTML of the "Homeward sign-in" console page: the status, the last outcome, the host certificate, the sign-in
 * form and the join form.
 */
final class SignInHtml {

    /**
     * What the forms show: what was submitted (the password never), so a failed attempt can be corrected.
     *
     * @param code the invite code of the join form
     */
    record Form(String zone, String user, String server, String pin, String code) {

        /** The fields of the signed-in account, or empty ones. */
        static Form of(SignInStatus status) {
            return new Form(status.current().map(StoredKey::zone).orElse(""),
                    status.current().map(StoredKey::user).orElse(""), "", "", "");
        }

        static Form submitted(String zone, String user, String server, String pin, String code) {
            return new Form(orEmpty(zone), orEmpty(user), orEmpty(server), orEmpty(pin), orEmpty(code));
        }

        private static String orEmpty(String value) {
            return value == null ? "" : value;
        }
    }

    private SignInHtml() {
    }

    /**
     * @param outcome what the last form submission did, "" when none
     */
    static String render(SignInStatus status, String outcome) {
        return render(status, outcome, Form.of(status));
    }

    static String render(SignInStatus status, String outcome, Form form) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<h2>Homeward sign-in</h2>\n");
        if (!outcome.isEmpty()) {
            html.append("<p class=\"statline\"><strong>").append(escape(outcome)).append("</strong></p>\n");
        }
        html.append("<table class=\"nicetable\"><tbody>\n");
        status.current().ifPresentOrElse(s -> {
            row(html, "Signed in as", s.user());
            row(html, "Zone", s.zone());
            row(html, "Host key", s.key().name());
            row(html, "Since", s.since());
            row(html, "Server", s.server());
            row(html, "TLS pin", s.pin().isEmpty() ? "none" : s.pin());
        }, () -> row(html, "Status", "Not signed in"));
        if (!status.lastError().isEmpty()) {
            row(html, "Last error", status.lastError());
        }
        html.append("</tbody></table>\n");
        if (!status.certificateFields().isEmpty()) {
            html.append("<h3>Host certificate</h3>\n<table class=\"nicetable\"><tbody>\n");
            for (Map.Entry<String, String> field : status.certificateFields()) {
                row(html, field.getKey(), field.getValue());
            }
            html.append("</tbody></table>\n");
        }
        html.append("<form method=\"post\"><table class=\"nicetable\"><tbody>\n");
        input(html, "Zone", "zone", "text", form.zone());
        input(html, "User", "user", "text", form.user());
        input(html, "Password", "password", "password", "");
        input(html, "Server (host:port, empty = find by SRV)", "server", "text", form.server());
        input(html, "TLS fingerprint (empty = accept and log it)", "pin", "text", form.pin());
        html.append("</tbody></table>\n<button type=\"submit\" name=\"action\" value=\"signin\">Sign in</button>\n");
        if (status.current().isPresent()) {
            html.append("<button type=\"submit\" name=\"action\" value=\"signout\">Sign out</button>\n");
        }
        html.append("</form>\n");
        html.append("<form method=\"post\"><table class=\"nicetable\"><tbody>\n");
        input(html, "Join with an invite code", "code", "text", form.code());
        html.append("</tbody></table>\n<button type=\"submit\" name=\"action\" value=\"join\">Join</button>\n");
        return html.append("</form>\n").toString();
    }

    private static void row(StringBuilder html, String label, Object value) {
        html.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static void input(StringBuilder html, String label, String name, String type, String value) {
        html.append("<tr><th><label for=\"").append(name).append("\">").append(escape(label))
                .append("</label></th><td><input id=\"").append(name).append("\" name=\"").append(name)
                .append("\" type=\"").append(type).append("\" value=\"").append(escape(value))
                .append("\" size=\"60\"></td></tr>\n");
    }
}
