package io.homeward.registrar.internal;

import java.time.Instant;
import java.util.Optional;

import io.homeward.api.registration.Registration;

/**
 * What the registrar shows an operator: what is published and until when, the last outcome, and when it
 * acts next.
 */
record RegistrationState(Optional<Registration> registration, String lastResult, Optional<Instant> lastAttempt,
        Optional<Instant> nextAttempt, String endpointSource) {
}
