package io.homeward.console.internal.machines;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How long an invite made on the page is good: the form's choices (the rendezvous takes 1 minute to 7 days). */
final class InviteValidity {
    static final Map<String, Duration> CHOICES = choices();

    private InviteValidity() {
    }

    private static Map<String, Duration> choices() {
        Map<String, Duration> choices = new LinkedHashMap<>();
        choices.put("1 hour", Duration.ofHours(1));
        choices.put("1 day", Duration.ofDays(1));
        choices.put("7 days", Duration.ofDays(7));
        return java.util.Collections.unmodifiableMap(choices);
    }

    /** The choice's duration; empty for text that is not one of them. */
    static Optional<Duration> of(String choice) {
        return Optional.ofNullable(choice == null ? null : CHOICES.get(choice.trim()));
    }
}
