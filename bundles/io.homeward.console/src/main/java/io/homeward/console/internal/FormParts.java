package io.homeward.console.internal;

import io.homeward.kit.html.Html;

/** The parts every Homeward form page shares: a hidden field and the line that says how the last action went. */
public final class FormParts {
    private FormParts() {
    }

    /** {@code <input type="hidden" name="name" value="value">}, both escaped. */
    public static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + Html.escape(name) + "\" value=\"" + Html.escape(value) + "\">";
    }

    /** The outcome of the action just taken, as a status line (nothing when none was taken). */
    public static void outcome(StringBuilder s, PageOutcome outcome) {
        if (outcome != null) {
            s.append("<p id=\"homeward-outcome\" class=\"homeward-outcome ")
                    .append(outcome.ok() ? "ok ui-state-highlight" : "failed ui-state-error")
                    .append("\" role=\"status\">").append(Html.escape(outcome.message())).append("</p>\n");
        }
    }
}
