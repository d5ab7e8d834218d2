package io.homeward.api.config;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A configuration value kept from its component because its metatype refuses it.
 *
 * @param pid    the configuration's PID
 * @param key    the property
 * @param value  the refused value as text
 * @param reason why the metatype refuses it, naming the refused element of a list ({@code "ninety minutes" is not
 *               a whole number})
 * @param kept   the last good value the component runs with instead, as text; empty when it runs with its default
 * @param since  when the value was first refused
 * @since 1.0
 */
public record RefusedValue(String pid, String key, String value, String reason, Optional<String> kept,
        Instant since) {

    public RefusedValue {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(since, "since");
    }
}
