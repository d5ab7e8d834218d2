package io.homeward.kit.console;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Whether a console page request asks for the page's JSON form: {@code ?format=json}, or the page's path with
 * {@code .json}. The console strips the extension to find the plugin, so either the path info or the request URI
 * may carry it. Pages with both forms answer through {@link #answer}.
 */
public final class JsonRequests {
    private JsonRequests() {
    }

    public static boolean wanted(HttpServletRequest request) {
        return wanted(request.getPathInfo(), request.getRequestURI(), request.getParameter("format"));
    }

    /** Answers in UTF-8 with {@code json} when the request wants JSON, else with the HTML fragment {@code html}. */
    public static void answer(HttpServletRequest request, HttpServletResponse response, Supplier<String> json,
            Supplier<String> html) throws IOException {
        response.setCharacterEncoding("UTF-8");
        if (wanted(request)) {
            response.setContentType("application/json");
            response.getWriter().write(json.get());
        } else {
            response.setContentType("text/html");
            response.getWriter().write(html.get());
        }
    }

    static boolean wanted(String pathInfo, String uri, String format) {
        return "json".equals(format) || pathInfo != null && pathInfo.endsWith(".json")
                || uri != null && uri.endsWith(".json");
    }
}
