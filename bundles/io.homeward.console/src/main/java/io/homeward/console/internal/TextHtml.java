package io.homeward.console.internal;

import io.homeward.kit.html.Html;

/** A report as its shell command prints it, preformatted and escaped, for the sections that show one. */
public final class TextHtml {
    private TextHtml() {
    }

    public static String render(String id, String text) {
        return "<pre id=\"" + Html.escape(id) + "\">" + Html.escape(text) + "</pre>\n";
    }
}
