package io.homeward.ike.internal;

import java.time.Duration;

import io.homeward.ike.internal.exchange.Lifetimes;

/**
 * How IKE keys the user's other hosts: whether it starts IKE SAs by itself ({@code initiate}), and the responder's
 * defences (RFC 7296 §2.6): cookies from {@code cookieThreshold} half-open SAs in all or {@code perSource} from one
 * address, at most {@code limit} half-open, each for {@code halfOpenTimeout}, the cookie secret new every
 * {@code cookieRotation}; and when SAs are rekeyed ({@code lifetimes}, §2.8).
 */
record KeyingSettings(boolean initiate, int cookieThreshold, int perSource, int limit, Duration halfOpenTimeout,
        Duration cookieRotation, Lifetimes lifetimes) {
    /** strongSwan's defences (ikev2.md §6.2, §7), a new cookie secret every five minutes and charon's lifetimes. */
    static final KeyingSettings DEFAULTS = new KeyingSettings(true, 30, 3, 1000, Duration.ofSeconds(30),
            Duration.ofMinutes(5), Lifetimes.DEFAULTS);

    /** Settings with the default lifetimes. */
    KeyingSettings(boolean initiate, int cookieThreshold, int perSource, int limit, Duration halfOpenTimeout,
            Duration cookieRotation) {
        this(initiate, cookieThreshold, perSource, limit, halfOpenTimeout, cookieRotation, Lifetimes.DEFAULTS);
    }

    KeyingSettings {
        if (cookieThreshold < 0 || perSource < 0 || limit < 1 || halfOpenTimeout.isNegative()
                || halfOpenTimeout.isZero() || cookieRotation.isNegative() || cookieRotation.isZero()) {
            throw new IllegalArgumentException("the half-open thresholds must not be negative, the limit, the timeout"
                    + " and the cookie rotation must be positive");
        }
    }
}
