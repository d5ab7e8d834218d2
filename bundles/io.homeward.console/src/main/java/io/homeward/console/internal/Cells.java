package io.homeward.console.internal;

import io.homeward.kit.html.Html;

/**
 * Table cells that carry their column's name, so that at phone width (res/overview.css) every row becomes a card of
 * "column: value" lines.
 */
public final class Cells {
    private Cells() {
    }

    /** {@code <td data-label="column">value</td>}, both escaped. */
    public static void cell(StringBuilder s, String column, String value) {
        s.append("<td data-label=\"").append(Html.escape(column)).append("\">").append(Html.escape(value))
                .append("</td>");
    }

    /** {@code <td data-label="column">markup</td>}: the column escaped, the markup (a form) escaped by its maker. */
    public static void markup(StringBuilder s, String column, String markup) {
        s.append("<td data-label=\"").append(Html.escape(column)).append("\">").append(markup).append("</td>");
    }

    /** A label/value row of a two-column table: {@code <tr><th>label</th><td>value</td></tr>}, both escaped. */
    public static void row(StringBuilder s, String label, String value) {
        s.append("<tr><th>").append(Html.escape(label)).append("</th><td>").append(Html.escape(value))
                .append("</td></tr>\n");
    }
}
