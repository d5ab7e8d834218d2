package io.homeward.api.registration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the registrar shows an operator: what is published and until when, the last outcome, and when it
 * acts next.
 *
 * @param registration   what is published, empty when nothing is
 * @param records        the published resource records in zone-file form, empty when nothing is published
 * @param lastResult     the last attempt's outcome in words
 * @param lastAttempt    when it last tried, empty before the first attempt
 * @param nextAttempt    when it acts next, empty when nothing is scheduled
 * @param endpointSource how the published endpoint was learned, empty when none was
 * @since 1.1
 */
public record RegistrationState(Optional<Registration> registration, List<String> records, String lastResult, Optional<Instant> lastAttempt,
        Optional<Instant> nextAttempt, String endpointSource) {
    public RegistrationState {
        records = List.copyOf(records);
    }
}
