package io.homeward.console.internal;

import io.homeward.kit.html.Html;

/**
 * What every Homeward page puts around its body: the one stylesheet (res/overview.css, served below the overview's
 * label), the Homeward menu with the page marked, and the {@code homeward-page} block the phone-width rules apply to.
 */
public final class HomewardFrame {
    private HomewardFrame() {
    }

    /** @param appRoot the console's root path, for example {@code /system/console} */
    public static String wrap(String appRoot, ConsoleMenu.Entry page, String body) {
        return "<link rel=\"stylesheet\" href=\"" + Html.escape(appRoot + "/" + ConsoleMenu.OVERVIEW.label() + "/res/overview.css")
                + "\">\n" + ConsoleMenu.render(appRoot, page) + "<div class=\"homeward-page\">\n" + body + "</div>\n";
    }

    /** The console's root path as the Web Console tells its plugins, {@code /system/console} when it does not. */
    public static String appRoot(Object attribute) {
        return attribute == null ? "/system/console" : attribute.toString();
    }
}
