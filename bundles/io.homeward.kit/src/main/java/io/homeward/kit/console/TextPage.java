package io.homeward.kit.console;

import java.io.IOException;
import java.util.function.Supplier;

import io.homeward.kit.html.Html;
import io.homeward.kit.json.JsonWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A Web Console page that shows what a shell command prints: a heading and the text, preformatted and escaped; as
 * JSON ({@link JsonRequests}) the heading and the text's lines, {@code {"heading":"...","lines":["...",...]}}.
 * Subclasses register as a Servlet service with the {@code felix.webconsole.*} properties.
 */
public abstract class TextPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final String heading;
    private final String id;
    private final transient Supplier<String> text;

    protected TextPage(String heading, String id, Supplier<String> text) {
        this.heading = heading;
        this.id = id;
        this.text = text;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String shown = text.get();
        JsonRequests.answer(request, response, () -> json(heading, shown),
                () -> "<h2>" + Html.escape(heading) + "</h2><pre id=\"" + Html.escape(id) + "\">" + Html.escape(shown) + "</pre>");
    }

    static String json(String heading, String text) {
        return new JsonWriter().beginObject().member("heading", heading).member("lines", text.lines().toList())
                .endObject().toString();
    }
}
