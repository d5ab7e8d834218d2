package io.homeward.kerberos.internal.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.osgi.util.promise.Deferred;
import org.osgi.util.promise.Promise;
import org.osgi.util.promise.Promises;

import io.homeward.api.kerberos.HeldTicket;
import io.homeward.api.kerberos.ServiceTickets;
import io.homeward.kit.schedule.Scheduler;

/**
 * Tickets for services on the user's other hosts (docs/kerberos.md "The client"): from the cache while they last,
 * otherwise from the host's KDC — the TGS exchange with the realm's ticket-granting ticket when one is held, else the
 * AS exchange with PKINIT first. The exchanges run one at a time on the scheduler's thread; a request for a ticket
 * already under way joins it instead of asking the KDC again. A refused TGS exchange with a cached ticket-granting
 * ticket (the KDC got new keys, for one) is tried once more with a new one.
 */
final class ServiceTicketClient implements ServiceTickets {
    private final AsExchange as;
    private final TgsExchange tgs;
    private final NegotiateTokens tokens;
    private final TicketCache cache;
    private final Scheduler scheduler;
    private final Supplier<Optional<ClientIdentity>> identity;
    private final Logger log;
    private final Map<String, Deferred<Obtained>> underWay = new HashMap<>();
    private boolean closed;

    /** A ticket and how it was had, for {@code homeward:tickets get}. */
    record Obtained(ClientTicket ticket, String source) {
    }

    /** @param identity this host's certificate and key, empty while there is none */
    ServiceTicketClient(AsExchange as, TgsExchange tgs, NegotiateTokens tokens, TicketCache cache,
            Scheduler scheduler, Supplier<Optional<ClientIdentity>> identity, Logger log) {
        this.as = as;
        this.tgs = tgs;
        this.tokens = tokens;
        this.cache = cache;
        this.scheduler = scheduler;
        this.identity = identity;
        this.log = log;
    }

    @Override
    public Promise<HeldTicket> ticket(String service, String host) {
        return obtain(service, host).map(obtained -> obtained.ticket().held());
    }

    @Override
    public Promise<byte[]> negotiateToken(String service, String host) {
        return obtain(service, host).map(obtained -> tokens.token(obtained.ticket()));
    }

    @Override
    public List<HeldTicket> tickets() {
        return cache.held().stream().map(ClientTicket::held).toList();
    }

    /** A ticket for {@code service/host}, failing with a {@link TicketRequestException} that says which step failed. */
    Promise<Obtained> obtain(String service, String host) {
        String name;
        String peer;
        try {
            name = HostNames.service(service);
            peer = HostNames.normalize(host);
        } catch (TicketRequestException e) {
            return Promises.failed(e);
        }
        String server = name + "/" + peer + "@" + HostNames.realm(peer);
        Deferred<Obtained> request;
        synchronized (this) {
            if (closed) {
                return Promises.failed(new TicketRequestException("the Kerberos client is stopping"));
            }
            Optional<ClientTicket> held = cache.usable(server);
            if (held.isPresent()) {
                return Promises.resolved(new Obtained(held.get(), "from the cache"));
            }
            Deferred<Obtained> joined = underWay.get(server);
            if (joined != null) {
                return joined.getPromise();
            }
            request = new Deferred<>();
            underWay.put(server, request);
        }
        scheduler.execute(() -> fetch(server, name, peer, request));
        return request.getPromise();
    }

    /** Drops every ticket held, as when the host signs out. */
    void forgetAll() {
        cache.clear();
    }

    /** Fails the requests under way; later ones fail at once. */
    void close() {
        List<Deferred<Obtained>> pending;
        synchronized (this) {
            closed = true;
            pending = List.copyOf(underWay.values());
            underWay.clear();
        }
        pending.forEach(deferred -> deferred.fail(new TicketRequestException("the Kerberos client stopped")));
    }

    private void fetch(String server, String service, String host, Deferred<Obtained> request) {
        Obtained obtained = null;
        Throwable failure = null;
        try {
            obtained = exchanges(service, host);
            cache.keep(obtained.ticket());
            log.info("Kerberos: {} {}", obtained.ticket().server(), obtained.source());
        } catch (TicketRequestException e) {
            failure = e;
            log.info("Kerberos: no ticket for {}: {}", server, e.getMessage());
        } catch (RuntimeException e) {
            failure = new TicketRequestException("ticket for " + server + " failed: " + e);
            log.error("Kerberos: the ticket request for {} failed", server, e);
        }
        synchronized (this) {
            if (underWay.get(server) != request) {
                return;
            }
            underWay.remove(server);
        }
        if (failure == null) {
            request.resolve(obtained);
        } else {
            request.fail(failure);
        }
    }

    private Obtained exchanges(String service, String host) throws TicketRequestException {
        ClientIdentity client = identity.get().orElseThrow(() -> new TicketRequestException(
                "sign-in: this host holds no host certificate of the account CA (sign in and enroll first)"));
        String realm = HostNames.realm(host);
        String krbtgt = "krbtgt/" + realm + "@" + realm;
        Optional<ClientTicket> held = cache.usable(krbtgt);
        if (held.isPresent()) {
            try {
                return new Obtained(tgs.serviceTicket(held.get(), service, host),
                        "from the KDC of " + host + " (TGS exchange, ticket-granting ticket from the cache)");
            } catch (TicketRequestException e) {
                if (e.errorCode().isEmpty()) {
                    throw e;
                }
                cache.forget(krbtgt);
                log.info("Kerberos: {}; asking for a new ticket-granting ticket", e.getMessage());
            }
        }
        ClientTicket tgt = as.ticketGrantingTicket(client, host);
        cache.keep(tgt);
        return new Obtained(tgs.serviceTicket(tgt, service, host),
                "from the KDC of " + host + " (AS exchange with PKINIT, then TGS exchange)");
    }
}
