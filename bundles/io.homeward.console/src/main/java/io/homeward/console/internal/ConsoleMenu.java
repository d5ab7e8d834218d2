package io.homeward.console.internal;

import java.util.List;

import io.homeward.kit.html.Html;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The Homeward pages in the order a person uses them, shown as a row of tabs at the top of every Homeward page; the
 * current one is marked for the eye and for screen readers.
 *
 * <p>The Web Console's own menu sorts a category's pages by title, case-insensitively. The titles it gets
 * ({@code felix.webconsole.title}, the {@code MENU_*} constants) therefore start with fewer spaces the later the
 * page comes in the task order: a space sorts before any letter, and HTML shows none of them.
 */
public final class ConsoleMenu {
    public static final String MENU_OVERVIEW = "      Overview";
    public static final String MENU_MACHINES = "     Machines";
    public static final String MENU_ADD_MACHINE = "    Add a machine";
    public static final String MENU_NETWORK = "   Network";
    public static final String MENU_RENDEZVOUS = "  Rendezvous";
    public static final String MENU_SETTINGS = " Settings";

    /** A page of the menu: its Web Console label (its path under the console root) and its title. */
    public record Entry(String label, String title) {
    }

    public static final Entry OVERVIEW = new Entry("homeward-overview", "Overview");
    public static final Entry MACHINES = new Entry("homeward-machines", "Machines");
    public static final Entry ADD_MACHINE = new Entry("homeward-add-machine", "Add a machine");
    public static final Entry NETWORK = new Entry("homeward-network", "Network");
    public static final Entry RENDEZVOUS = new Entry("homeward-rendezvous", "Rendezvous");
    public static final Entry SETTINGS = new Entry("homeward-settings", "Settings");

    static final List<Entry> ENTRIES = List.of(OVERVIEW, MACHINES, ADD_MACHINE, NETWORK, RENDEZVOUS, SETTINGS);

    private static final String APP_ROOT = "felix.webconsole.appRoot";

    private ConsoleMenu() {
    }

    /** The console's root path, for example {@code /system/console}, as the console tells its plugins. */
    public static String appRoot(HttpServletRequest request) {
        Object appRoot = request.getAttribute(APP_ROOT);
        return appRoot == null ? "/system/console" : appRoot.toString();
    }

    /** @param appRoot the console's root path, for example {@code /system/console} */
    public static String render(String appRoot, Entry current) {
        StringBuilder s = new StringBuilder(512);
        s.append("<nav class=\"homeward-menu\" aria-label=\"Homeward\"><ul>");
        for (Entry entry : ENTRIES) {
            s.append("<li><a href=\"").append(Html.escape(appRoot + "/" + entry.label())).append('"');
            if (entry.equals(current)) {
                s.append(" class=\"current\" aria-current=\"page\"");
            }
            s.append('>').append(Html.escape(entry.title())).append("</a></li>");
        }
        return s.append("</ul></nav>\n").toString();
    }
}
