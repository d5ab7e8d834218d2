package io.homeward.rendezvous.ca.internal;

import java.util.Locale;

/** Domain names as the CA keeps them: absolute and in lower case; in certificates without the final dot. */
final class ZoneNames {
    private ZoneNames() {
    }

    static String absolute(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    static String withoutDot(String absolute) {
        return absolute.substring(0, absolute.length() - 1);
    }
}
