package io.homeward.kit.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.homeward.kit.html.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Destructive console actions (remove a user, revoke a machine, sign this host out) ask first: a POST without
 * {@code confirmed=yes} is answered with the question, a button that sends the same form again confirmed, and a way
 * back. No script is involved, so the console's content policy never stands in the way, and the second POST passes
 * the console guard like the first (same origin, the guard's cookie).
 */
public final class Confirmation {
    /** The form field that says the person confirmed. */
    public static final String CONFIRMED = "confirmed";
    /** Never repeated into the page: no destructive form carries one, and a page must not echo it. */
    private static final String PASSWORD = "password";

    private Confirmation() {
    }

    /** Whether the request carries the confirmation. */
    public static boolean given(HttpServletRequest request) {
        return "yes".equals(request.getParameter(CONFIRMED));
    }

    /** Answers the request with the question; the action runs only when the page's button sends it again. */
    public static void ask(HttpServletRequest request, HttpServletResponse response, String question, String button)
            throws IOException {
        byte[] page = page(question, button, request.getRequestURI(), request.getParameterMap())
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** The confirmation page: the question, the form's fields again with {@code confirmed=yes}, and Cancel. */
    static String page(String question, String button, String target, Map<String, String[]> parameters) {
        StringBuilder fields = new StringBuilder();
        parameters.forEach((name, values) -> {
            if (!name.equals(CONFIRMED) && !name.equalsIgnoreCase(PASSWORD)) {
                for (String value : values) {
                    fields.append("<input type=\"hidden\" name=\"").append(Html.escape(name)).append("\" value=\"")
                            .append(Html.escape(value)).append("\">");
                }
            }
        });
        String back = Html.escape(target);
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                + "<title>Confirm</title></head><body><h2 id=\"confirm-question\">" + Html.escape(question) + "</h2>"
                + "<form method=\"post\" action=\"" + back + "\">" + fields + "<input type=\"hidden\" name=\"" + CONFIRMED
                + "\" value=\"yes\"><button type=\"submit\" id=\"confirm\">" + Html.escape(button) + "</button> "
                + "<a href=\"" + back + "\" id=\"cancel\">Cancel</a></form></body></html>";
    }
}
