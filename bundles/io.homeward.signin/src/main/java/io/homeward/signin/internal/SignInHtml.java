package io.homeward.signin.internal;

import static io.homeward.kit.html.Html.escape;

/** The HTML of the "Homeward sign-in" console page: the status, the last outcome and the sign-in form. */
final class SignInHtml {

    private SignInHtml() {
    }

    /**
     * @param outcome what the last form submission did, "" when none
     */
    static String render(SignInStatus status, String outcome) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<h2>Homeward sign-in</h2>\n");
        if (!outcome.isEmpty()) {
            html.append("<p class=\"statline\"><strong>").append(escape(outcome)).append("</strong></p>\n");
        }
        html.append("<table class=\"nicetable\"><tbody>\n");
        status.current().ifPresentOrElse(s -> {
            row(html, "Signed in as", s.user());
            row(html, "Zone", s.zone());
            row(html, "Since", s.since());
            row(html, "Server", s.server());
            row(html, "TLS pin", s.pin().isEmpty() ? "none" : s.pin());
        }, () -> row(html, "Status", "Not signed in"));
        if (!status.lastError().isEmpty()) {
            row(html, "Last error", status.lastError());
        }
        html.append("</tbody></table>\n");
        html.append("<form method=\"post\"><table class=\"nicetable\"><tbody>\n");
        String zone = status.current().map(StoredKey::zone).orElse("");
        String user = status.current().map(StoredKey::user).orElse("");
        input(html, "Zone", "zone", "text", zone);
        input(html, "User", "user", "text", user);
        input(html, "Password", "password", "password", "");
        input(html, "Server (host:port, empty = find by SRV)", "server", "text", "");
        input(html, "TLS fingerprint (empty = accept and log it)", "pin", "text", "");
        html.append("</tbody></table>\n<button type=\"submit\" name=\"action\" value=\"signin\">Sign in</button>\n");
        if (status.current().isPresent()) {
            html.append("<button type=\"submit\" name=\"action\" value=\"signout\">Sign out</button>\n");
        }
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
