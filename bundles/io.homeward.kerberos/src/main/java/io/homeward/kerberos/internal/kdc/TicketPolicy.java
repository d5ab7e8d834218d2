package io.homeward.kerberos.internal.kdc;

import java.time.Duration;

/**
 * How long the KDC's tickets last and how far clocks may differ (docs/kerberos.md "The KDC's engine").
 *
 * @param ticketLifetime    the longest a ticket lasts from its issue (10 h by default, as Apple's LKDC tickets did)
 * @param renewableLifetime the longest a renewable ticket may be renewed up to from its issue; zero: tickets are
 *                          never renewable (the default: a client gets a new TGT with its certificate instead)
 * @param clockSkew         the clock skew allowed for authenticators and ticket times (RFC 4120 §1.7: 5 minutes)
 */
public record TicketPolicy(Duration ticketLifetime, Duration renewableLifetime, Duration clockSkew) {
    public static final TicketPolicy DEFAULTS = new TicketPolicy(Duration.ofHours(10), Duration.ZERO,
            Duration.ofMinutes(5));

    public TicketPolicy {
        if (ticketLifetime.compareTo(Duration.ofMinutes(5)) < 0 || ticketLifetime.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("a ticket lifetime is 5 minutes to 7 days, not " + ticketLifetime);
        }
        if (renewableLifetime.isNegative() || renewableLifetime.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("a renewable lifetime is 0 to 30 days, not " + renewableLifetime);
        }
        if (clockSkew.compareTo(Duration.ofSeconds(1)) < 0 || clockSkew.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("the clock skew is 1 s to 1 h, not " + clockSkew);
        }
    }
}
