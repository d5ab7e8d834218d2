package io.homeward.ike.internal.exchange;

import java.time.Duration;
import java.util.Optional;

/**
 * What a Child SA shows: its SPIs, the suite name and ESN choice, its age, where its rekey stands
 * ({@code INSTALLED}, {@code REKEYING}, {@code REKEYED}, {@code DELETING}) and how long until its rekey timer fires.
 */
public record ChildSaStatus(int inboundSpi, int outboundSpi, String suite, boolean esn, Duration age, String state,
        Optional<Duration> rekeyIn) {
}
