package io.homeward.kerberos.internal.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tickets this host holds, one per server principal (ticket-granting tickets are {@code krbtgt/REALM@REALM}),
 * each used until a margin before its end so that it does not end under way to the service. At most
 * {@code capacity} are kept: a new one makes room by dropping those that ended, then the one that ends first.
 * Thread-safe.
 */
final class TicketCache {
    private final int capacity;
    private final Duration margin;
    private final Clock clock;
    private final Map<String, ClientTicket> tickets = new HashMap<>();

    TicketCache(int capacity, Duration margin, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a ticket cache holds at least one ticket, not " + capacity);
        }
        this.capacity = capacity;
        this.margin = margin;
        this.clock = clock;
    }

    /** The ticket for this server, if it is held and does not end within the margin. */
    synchronized Optional<ClientTicket> usable(String server) {
        ClientTicket ticket = tickets.get(server);
        if (ticket == null) {
            return Optional.empty();
        }
        if (!clock.instant().plus(margin).isBefore(ticket.end())) {
            tickets.remove(server);
            return Optional.empty();
        }
        return Optional.of(ticket);
    }

    synchronized void keep(ClientTicket ticket) {
        String server = ticket.server();
        if (!tickets.containsKey(server) && tickets.size() >= capacity) {
            Instant now = clock.instant();
            tickets.values().removeIf(held -> !held.end().isAfter(now));
            if (tickets.size() >= capacity) {
                tickets.values().stream().min(Comparator.comparing(ClientTicket::end)).map(ClientTicket::server)
                        .ifPresent(tickets::remove);
            }
        }
        tickets.put(server, ticket);
    }

    synchronized void forget(String server) {
        tickets.remove(server);
    }

    synchronized void clear() {
        tickets.clear();
    }

    /** The tickets that have not ended, by server. */
    synchronized List<ClientTicket> held() {
        Instant now = clock.instant();
        tickets.values().removeIf(held -> !held.end().isAfter(now));
        return tickets.values().stream().sorted(Comparator.comparing(ClientTicket::server)).toList();
    }
}
