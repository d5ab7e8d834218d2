package io.homeward.ike.internal;

import java.time.Duration;

import io.homeward.ike.internal.exchange.IkeSettings;
import io.homeward.ike.internal.exchange.Lifetimes;

/**
 * How IKE keys the user's other hosts: the responder's defences (RFC 7296 §2.6): cookies from
 * {@code cookieThreshold} half-open SAs in all or {@code perSource} from one address, at most {@code limit}
 * half-open, each for {@code halfOpenTimeout}, the cookie secret new every {@code cookieRotation}; how long a peer may be silent before a liveness check, {@code dpdDelay} (RFC 7296 §2.4;
 * zero: never); and when SAs are rekeyed ({@code lifetimes}, §2.8).
 */
record KeyingSettings(int cookieThreshold, int perSource, int limit, Duration halfOpenTimeout,
        Duration cookieRotation, Duration dpdDelay, Lifetimes lifetimes) {
    /**
     * strongSwan's defences and dead peer detection (ikev2.md §6.2, §7), a new cookie secret every five minutes and
     * charon's lifetimes.
     */
    static final KeyingSettings DEFAULTS = new KeyingSettings(30, 3, 1000, Duration.ofSeconds(30),
            Duration.ofMinutes(5));

    KeyingSettings {
        if (cookieThreshold < 0 || perSource < 0 || limit < 1 || halfOpenTimeout.isNegative()
                || halfOpenTimeout.isZero() || cookieRotation.isNegative() || cookieRotation.isZero()
                || dpdDelay.isNegative()) {
            throw new IllegalArgumentException("the half-open thresholds and the liveness check delay must not be"
                    + " negative, the limit, the timeout and the cookie rotation must be positive");
        }
    }

    /** Settings with the default liveness check delay and lifetimes. */
    KeyingSettings(int cookieThreshold, int perSource, int limit, Duration halfOpenTimeout,
            Duration cookieRotation) {
        this(cookieThreshold, perSource, limit, halfOpenTimeout, cookieRotation, IkeSettings.DPD_DELAY,
                Lifetimes.DEFAULTS);
    }
}
