package io.homeward.api.watch;

import java.time.Instant;
import java.util.Optional;

/**
 * One subscription as a record watcher holds it.
 *
 * @param name        the watched name, absolute
 * @param type        the watched RR type code (RFC 1035 / IANA), for example 28 for AAAA
 * @param mechanism   how changes arrive now, {@link WatchMechanism#NONE} while no mechanism works (signed out,
 *                    server unreachable)
 * @param leaseExpiry when the current LLQ lease ends unless refreshed; empty without a lease
 * @param lastEvent   when the last answer set or change arrived; empty before any
 */
public record SubscriptionState(String name, int type, WatchMechanism mechanism, Optional<Instant> leaseExpiry,
        Optional<Instant> lastEvent) {
}
