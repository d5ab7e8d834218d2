package io.homeward.api.rendezvous;

import java.time.Instant;
import java.util.Optional;

/**
 * One long-lived query or push subscription the server holds.
 *
 * @param mechanism    {@code llq-udp}, {@code llq-tls} or {@code dns-push}
 * @param client       the client's address and port
 * @param zone         the zone its key is bound to
 * @param name         the watched name, absolute
 * @param type         the watched type mnemonic
 * @param leaseExpires when it ends unless refreshed (empty for push subscriptions, which live with their session)
 * @param lastEvent    when the last event was sent, if any
 * @param unacked      events sent but not yet acknowledged
 */
public record WatchState(String mechanism, String client, String zone, String name, String type,
        Optional<Instant> leaseExpires, Optional<Instant> lastEvent, int unacked) {
}
