package io.homeward.console.internal;

import java.util.function.Consumer;

import io.homeward.kit.html.Html;
import io.homeward.kit.json.JsonWriter;

/**
 * What one section of a Homeward page shows, read once per request so its HTML and its JSON agree.
 *
 * @param json writes the section as one JSON value
 * @param html the section's body, below its heading; every value escaped
 */
public record Section(Consumer<JsonWriter> json, String html) {
    /** A section whose capability does not run here: one line, and {@code {"missing":"..."}} as JSON. */
    public static Section missing(String line) {
        return new Section(json -> json.beginObject().member("missing", line).endObject(),
                "<p class=\"statline\">" + Html.escape(line) + "</p>\n");
    }

    /** The section alone as a JSON document. */
    public String jsonDocument() {
        JsonWriter writer = new JsonWriter();
        json.accept(writer);
        return writer.toString();
    }
}
