package io.homeward.api.rendezvous;

import java.time.Instant;
import java.util.Optional;

import io.homeward.api.watch.WatchMechanism;

/**
 * One long-lived query or push subscription the server holds.
 *
 * @param mechanism    {@link WatchMechanism#LLQ_UDP}, {@link WatchMechanism#LLQ_TCP}, {@link WatchMechanism#LLQ_TLS} or
 *                     {@link WatchMechanism#DNS_PUSH}
 * @param client       the client's address and port
 * @param zone         the zone its key is bound to
 * @param name         the watched name, absolute
 * @param type         the watched RR type code (RFC 1035 / IANA)
 * @param leaseExpires when it ends unless refreshed (empty for push subscriptions, which live with their session)
 * @param lastEvent    when the last event was sent, if any
 * @param unacked      events sent but not yet acknowledged
 */
public record WatchState(WatchMechanism mechanism, String client, String zone, String name, int type,
        Optional<Instant> leaseExpires, Optional<Instant> lastEvent, int unacked) {
}
