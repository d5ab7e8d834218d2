package io.homeward.console.internal;

import java.io.IOException;

import io.homeward.kit.html.Html;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The part of a Homeward page that updates without a reload: the page puts it in {@code #homeward-live} with its
 * source, {@code <label>.live}; res/overview.js keeps it current from the page's event stream ({@link LiveEvents},
 * {@code <label>.events}) or, where it cannot stream, fetches {@code .live} again every few seconds. The page's
 * stylesheet and script come from its own label's {@code res/}: the console serves them from this bundle.
 */
public final class LivePart {
    private static final String SUFFIX = ".live";

    private LivePart() {
    }

    /** Whether the request asks for the live part alone ({@code <label>.live}). */
    public static boolean wanted(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && uri.endsWith(SUFFIX);
    }

    /** Answers with the live part alone, never cached. */
    public static void answer(HttpServletResponse response, String live) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        response.setContentType("text/html");
        response.getWriter().write(live);
    }

    /** The stylesheet link; {@code root} is the page's path, for example {@code /system/console/homeward-machines}. */
    public static String stylesheet(String root) {
        return "<link rel=\"stylesheet\" href=\"" + Html.escape(root + "/res/overview.css") + "\">\n";
    }

    /** The live part in its container, and the script that keeps it current. */
    public static String container(String root, String live) {
        return "<div id=\"homeward-live\" data-source=\"" + Html.escape(root + SUFFIX) + "\">\n" + live
                + "</div>\n<script src=\"" + Html.escape(root + "/res/overview.js") + "\"></script>\n";
    }
}
