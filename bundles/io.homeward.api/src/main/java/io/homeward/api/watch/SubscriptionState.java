package io.homeward.api.watch;

import java.time.Instant;
import java.util.Optional;

/**
 * One subscription as a record watcher holds it.
 *
 * @param name        the watched name, absolute
 * @param type        the watched type mnemonic, for example {@code AAAA}
 * @param mechanism   how changes arrive now: {@code dns-push}, {@code llq-tls}, {@code llq-udp}, {@code poll},
 *                    or {@code none} while no mechanism works (signed out, server unreachable)
 * @param leaseExpiry when the current LLQ lease ends unless refreshed; empty without a lease
 * @param lastEvent   when the last answer set or change arrived; empty before any
 */
public record SubscriptionState(String name, String type, String mechanism, Optional<Instant> leaseExpiry,
        Optional<Instant> lastEvent) {
}
