package io.homeward.rendezvous.enroll.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long an invite is good for, as an operator writes it: {@code 30m}, {@code 1h}, {@code 7d}. */
final class Validity {
    private static final Pattern TEXT = Pattern.compile("([0-9]{1,4})([mhd])");

    private Validity() {
    }

    /** @throws IllegalArgumentException saying how to write it */
    static Duration parse(String text) {
        Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("write the validity as minutes, hours or days: 30m, 1h, 7d; not '"
                    + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    static String text(Duration duration) {
        if (duration.toMinutes() % (24 * 60) == 0 && !duration.isZero()) {
            return duration.toDays() + "d";
        }
        return duration.toMinutes() % 60 == 0 && !duration.isZero() ? duration.toHours() + "h"
                : duration.toMinutes() + "m";
    }
}
