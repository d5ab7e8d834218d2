package io.homeward.embedded.internal;

import java.util.Locale;

import io.homeward.kit.text.DnsLabel;


/** The machine user's name made into a DNS label (RFC 1035 §2.3.1), since it becomes part of the user's zone. */
final class UserLabel {
    static final String FALLBACK = "homeward";

    private UserLabel() {
    }

    static String of(String systemUser) {
        if (systemUser == null) {
            return FALLBACK;
        }
        String label = systemUser.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        if (label.length() > 63) {
            label = label.substring(0, 63).replaceAll("-+$", "");
        }
        return DnsLabel.problem(label).isEmpty() ? label : FALLBACK;
    }
}
