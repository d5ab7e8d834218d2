package io.homeward.console.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.homeward.kit.html.Html;
import io.homeward.kit.json.JsonWriter;

/**
 * A section of a Homeward page made of sections (Network, Rendezvous): its name (its JSON member and its path below
 * the page, {@code <label>/<name>.json}), its heading, and how to read it.
 */
public record PageSection(String name, String title, Supplier<Section> reader) {
    /** A section as read for one request. */
    public record Read(String name, String title, Section section) {
    }

    public Read read() {
        return new Read(name, title, reader.get());
    }

    /** One line for a section whose capability does not run on this runtime. */
    public static String notRunning(String bundle) {
        return "Not running here (bundle " + bundle + ").";
    }

    /**
     * The section a request names below the page's label: {@code /homeward-network/peers.json} names {@code peers};
     * the page itself ({@code /homeward-network}, {@code /homeward-network.json}) names none.
     */
    public static Optional<String> requested(String label, String pathInfo) {
        String prefix = "/" + label + "/";
        if (pathInfo == null || !pathInfo.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = pathInfo.substring(prefix.length());
        return Optional.of(name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name);
    }

    /** Every section as one JSON object, a member per section. */
    public static String json(List<Read> sections) {
        JsonWriter json = new JsonWriter().beginObject();
        for (Read read : sections) {
            json.name(read.name());
            read.section().json().accept(json);
        }
        return json.endObject().toString();
    }

    /** The page: the Homeward menu, then each section under its heading with a link to its JSON. */
    public static String html(String appRoot, ConsoleMenu.Entry page, List<Read> sections) {
        StringBuilder s = new StringBuilder(4096);
        for (Read read : sections) {
            String base = appRoot + "/" + page.label() + "/" + read.name();
            s.append("<section id=\"").append(Html.escape(page.label() + "-" + read.name())).append("\">\n<h2>")
                    .append(Html.escape(read.title())).append(" <a class=\"json\" href=\"").append(Html.escape(base))
                    .append(".json\">JSON</a></h2>\n").append(read.section().html()).append("</section>\n");
        }
        return HomewardFrame.wrap(appRoot, page, s.toString());
    }
}
