package io.homeward.kit.console;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a console page request asks for the page's JSON form: {@code ?format=json}, or the page's path with
 * {@code .json}. The console strips the extension to find the plugin, so either the path info or the request URI
 * may carry it.
 */
public final class JsonRequests {
    private JsonRequests() {
    }

    public static boolean wanted(HttpServletRequest request) {
        return wanted(request.getPathInfo(), request.getRequestURI(), request.getParameter("format"));
    }

    static boolean wanted(String pathInfo, String uri, String format) {
        return "json".equals(format) || pathInfo != null && pathInfo.endsWith(".json")
                || uri != null && uri.endsWith(".json");
    }
}
