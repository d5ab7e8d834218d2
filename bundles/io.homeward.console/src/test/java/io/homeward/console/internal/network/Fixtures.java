package io.homeward.console.internal.network;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.Type;

import io.homeward.api.watch.SubscriptionState;
import io.homeward.api.watch.SubscriptionStatus;
import io.homeward.api.watch.WatchMechanism;

/** A record watcher with fixed subscriptions. */
final class Fixtures {
    private Fixtures() {
    }

    /** Two watches: one LLQ with a lease and an event, one just set up and polled. */
    static SubscriptionStatus watcher() {
        return () -> List.of(
                new SubscriptionState("laptop.alice.members.example.", Type.AAAA, WatchMechanism.LLQ_UDP,
                        Optional.of(Instant.parse("2026-11-21T12:00:00Z")), Optional.of(Instant.parse("2026-11-21T10:00:05Z"))),
                new SubscriptionState("<desk>.alice.members.example.", Type.SRV, WatchMechanism.POLL, Optional.empty(),
                        Optional.empty()));
    }
}
