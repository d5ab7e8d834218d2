package io.homeward.rendezvous.dns.internal.push;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.osgi.service.log.Logger;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.watch.WatchMechanism;
import io.homeward.kit.dns.wire.DsoMessage;
import io.homeward.kit.log.CountedLog;
import io.homeward.rendezvous.dns.internal.watch.Question;
import io.homeward.rendezvous.dns.internal.watch.RecordWire;
import io.homeward.rendezvous.dns.internal.watch.WatchSettings;
import io.homeward.rendezvous.dns.internal.zone.ZoneChange;
import io.homeward.rendezvous.dns.internal.zone.ZoneChangeListener;

/**
 * DNS Push (RFC 8765) over DSO sessions (RFC 8490) on DNS-over-TLS connections. TSIG cannot ride in DSO
 * messages, so a connection is authorized by a TSIG-signed SOA query for the zone sent on it before the
 * session ({@link #bind}), which must carry the server cookie (RFC 7873) this server gave that connection
 * ({@link #challenge}): a signed query captured elsewhere, or used once already, binds nothing. SUBSCRIBE is
 * refused on an unbound connection and for names outside the bound zone. All state is guarded by this object;
 * the owner calls {@link #tick} regularly for the session timers.
 */
public final class PushServer implements ZoneChangeListener {
    /** RFC 8490 §6.4.1: a server waits at least five seconds before closing an inactive session. */
    private static final Duration MIN_INACTIVITY_GRACE = Duration.ofSeconds(5);
    /** RFC 7873 §4.2: a server cookie has 8 to 32 bytes; 16 random ones cannot be guessed. */
    static final int SERVER_COOKIE_BYTES = 16;

    private final Map<DnsResponder, PushSession> sessions = new IdentityHashMap<>();
    private final WatchSettings settings;
    private final Function<Question, List<Record>> current;
    private final Clock clock;
    private final Executor events;
    private final Random random;
    private final Logger log;
    private final CountedLog refusals;
    private int subscriptionCount;

    /**
     * @param current the records that answer a question now, for the first PUSH after SUBSCRIBE
     * @param events  where zone changes are turned into PUSH messages, off the zone store's lock
     * @param random  server cookies: a SecureRandom outside tests
     * @param refusals where refusals an unauthenticated client can provoke are logged, counted
     */
    public PushServer(WatchSettings settings, Function<Question, List<Record>> current, Clock clock, Executor events,
            Random random, Logger log, CountedLog refusals) {
        this.settings = settings;
        this.current = current;
        this.clock = clock;
        this.events = events;
        this.random = random;
        this.log = log;
        this.refusals = refusals;
    }

    /**
     * A fresh server cookie for a TLS connection: the one proof of freshness its next binding query may carry.
     * Replaces any earlier one; empty over other transports.
     */
    public synchronized Optional<byte[]> challenge(DnsResponder connection) {
        if (connection.transport() != DnsTransport.TLS) {
            return Optional.empty();
        }
        byte[] cookie = new byte[SERVER_COOKIE_BYTES];
        random.nextBytes(cookie);
        sessions.computeIfAbsent(connection, c -> new PushSession(c, clock.instant())).challenge = cookie;
        return Optional.of(cookie.clone());
    }

    /**
     * Authorizes a TLS connection for the zone of the key that signed an SOA query on it, when the query carries
     * the server cookie of {@link #challenge} for this connection; the cookie is used up either way.
     *
     * @param key the name of the key that signed the query, remembered until the key is deleted ({@link #closeKey})
     */
    public synchronized boolean bind(DnsResponder connection, Name zone, Name key, byte[] serverCookie) {
        PushSession session = sessions.get(connection);
        byte[] expected = session == null ? null : session.challenge;
        if (expected == null || !MessageDigest.isEqual(expected, serverCookie)) {
            refusals.info("refused DNS Push bindings", connection.client().getAddress(),
                    "Refused to bind the DNS Push connection from {} to {}: {}", connection.client(), zone,
                    "its signed SOA query does not carry the server cookie this connection was given");
            if (session != null) {
                session.challenge = null;
            }
            return false;
        }
        session.challenge = null;
        session.zone = zone;
        session.key = key;
        return true;
    }

    /**
     * Closes the connections bound with a key that was deleted (docs/enrollment.md, "Revocation"): their
     * subscriptions end and the client must bind again, which its deleted key cannot.
     *
     * @return how many connections were closed
     */
    public synchronized int closeKey(Name key) {
        int closed = 0;
        for (PushSession session : List.copyOf(sessions.values())) {
            if (key.equals(session.key)) {
                log.info("Closed the DNS Push connection from {} with {} subscription(s): its key {} was deleted",
                        session.connection.client(), session.subscriptions.size(), key);
                connectionClosed(session.connection);
                session.connection.close();
                closed++;
            }
        }
        return closed;
    }

    /** A DNS message other than DSO arrived on a connection: it counts as activity for the session timers. */
    public synchronized void heard(DnsResponder connection) {
        PushSession session = sessions.get(connection);
        if (session != null) {
            session.heard(clock.instant(), false);
        }
    }

    /** Handles a message with OPCODE 6. */
    public synchronized void handle(byte[] wire, DnsResponder connection) {
        if (connection.transport() != DnsTransport.TLS) {
            refuseWithoutTls(wire, connection);
            return;
        }
        DsoMessage message;
        try {
            message = DsoMessage.parse(wire);
        } catch (IllegalArgumentException e) {
            abort(connection, "malformed DSO message: " + e.getMessage());
            return;
        }
        if (message.response()) {
            abort(connection, "a DSO response, but this server sends no DSO requests");
            return;
        }
        if (message.tlvs().isEmpty()) {
            abort(connection, "a DSO message without a primary TLV");
            return;
        }
        if (message.id() == 0) {
            unidirectional(message, connection);
        } else {
            request(message, connection);
        }
    }

    /**
     * DNS Push runs over TLS only (RFC 8765): over plain TCP a DSO request gets REFUSED and no session, so
     * it cannot get around the TSIG binding; over UDP, where DSO never belongs (RFC 8490 §5.1), it is dropped.
     */
    private void refuseWithoutTls(byte[] wire, DnsResponder connection) {
        if (connection.transport() != DnsTransport.TCP || wire.length < 12) {
            return;
        }
        int id = ((wire[0] & 0xff) << 8) | (wire[1] & 0xff);
        boolean response = (wire[2] & 0x80) != 0;
        if (id != 0 && !response) {
            refusals.info("refused DSO requests", connection.client().getAddress(),
                    "Refused DSO over TCP from {}: DNS Push needs TLS", connection.client());
            connection.send(DsoMessage.reply(id, Rcode.REFUSED, List.of()).toWire());
        }
    }

    private void request(DsoMessage message, DnsResponder connection) {
        DsoMessage.Tlv primary = message.tlvs().get(0);
        Instant now = clock.instant();
        PushSession session = sessions.get(connection);
        if (session != null) {
            session.heard(now, primary.type() == DsoMessage.KEEPALIVE);
        }
        switch (primary.type()) {
            case DsoMessage.KEEPALIVE -> keepalive(message, primary, connection, now);
            case DsoMessage.SUBSCRIBE -> subscribe(message, primary, session, connection);
            case DsoMessage.PUSH, DsoMessage.UNSUBSCRIBE, DsoMessage.RECONFIRM, DsoMessage.RETRY_DELAY,
                    DsoMessage.ENCRYPTION_PADDING ->
                    abort(connection, "DSO type " + primary.type() + " sent as a request (RFC 8765 §6)");
            default -> connection.send(DsoMessage.reply(message.id(), DsoMessage.DSOTYPENI, List.of()).toWire());
        }
    }

    private void keepalive(DsoMessage message, DsoMessage.Tlv primary, DnsResponder connection, Instant now) {
        if (primary.data().length != 8) {
            abort(connection, "a Keepalive TLV of " + primary.data().length + " bytes (8 expected)");
            return;
        }
        PushSession session = sessions.computeIfAbsent(connection, c -> new PushSession(c, now));
        establish(session);
        // RFC 8490 §7.1: the server's values in the response are the ones the client must use.
        connection.send(DsoMessage.reply(message.id(), Rcode.NOERROR, List.of(DsoMessage.Tlv.keepalive(
                settings.pushInactivity().toMillis(), settings.pushKeepalive().toMillis()))).toWire());
    }

    private void subscribe(DsoMessage message, DsoMessage.Tlv primary, PushSession session, DnsResponder connection) {
        Optional<Question> parsed = PushCodec.subscription(primary.data());
        if (parsed.isEmpty()) {
            connection.send(DsoMessage.reply(message.id(), Rcode.FORMERR, List.of()).toWire());
            return;
        }
        Question question = parsed.get();
        if (session == null || session.zone == null || !question.name().subdomain(session.zone)) {
            refusals.info("refused SUBSCRIBEs", connection.client().getAddress(), "Refused SUBSCRIBE {} {} from {}: {}",
                    question.name(), question.typeName(), connection.client(),
                    session == null || session.zone == null
                            ? "the connection is not bound to a zone by a TSIG-signed SOA query with its server cookie"
                            : "the name is outside the zone " + session.zone);
            connection.send(DsoMessage.reply(message.id(), Rcode.REFUSED, List.of()).toWire());
            return;
        }
        if (session.subscriptions.containsKey(message.id()) || session.subscriptions.containsValue(question)) {
            abort(connection, "a duplicate SUBSCRIBE for " + question.name() + " (RFC 8765 §6.2)");
            return;
        }
        if (session.subscriptions.size() >= settings.pushPerConnection() || subscriptionCount >= settings.pushTotal()) {
            log.info("Refused SUBSCRIBE from {}: {} per session and {} in total are allowed", connection.client(),
                    settings.pushPerConnection(), settings.pushTotal());
            connection.send(DsoMessage.reply(message.id(), Rcode.SERVFAIL,
                    List.of(DsoMessage.Tlv.retryDelay(settings.retryDelay().toMillis()))).toWire());
            return;
        }
        session.subscriptions.put(message.id(), question);
        subscriptionCount++;
        establish(session);
        connection.send(DsoMessage.reply(message.id(), Rcode.NOERROR, List.of()).toWire());
        List<byte[]> initial = current.apply(question).stream().map(RecordWire::added).toList();
        if (!initial.isEmpty()) {
            push(session, initial);
        }
    }

    private void unidirectional(DsoMessage message, DnsResponder connection) {
        PushSession session = sessions.get(connection);
        DsoMessage.Tlv primary = message.tlvs().get(0);
        if (session == null || !session.established) {
            abort(connection, "a unidirectional DSO message before the session was established (RFC 8490 §5.1)");
            return;
        }
        session.heard(clock.instant(), false);
        switch (primary.type()) {
            case DsoMessage.UNSUBSCRIBE -> {
                int subscription;
                try {
                    subscription = primary.subscriptionId();
                } catch (IllegalArgumentException e) {
                    abort(connection, e.getMessage());
                    return;
                }
                if (session.subscriptions.remove(subscription) != null) {
                    subscriptionCount--;
                }
            }
            // RFC 8765 §6.5: an authoritative server has nothing to re-verify, so RECONFIRM does nothing here.
            case DsoMessage.RECONFIRM -> log.debug("RECONFIRM from {} ignored", connection.client());
            default -> abort(connection, "unidirectional DSO type " + primary.type() + " from a client");
        }
    }

    @Override
    public void zoneChanged(ZoneChange change) {
        events.execute(() -> deliver(change));
    }

    synchronized void deliver(ZoneChange change) {
        for (PushSession session : List.copyOf(sessions.values())) {
            if (session.subscriptions.isEmpty()) {
                continue;
            }
            List<byte[]> changes = new ArrayList<>();
            for (Record r : change.removed()) {
                if (subscribed(session, r)) {
                    changes.add(RecordWire.removed(r));
                }
            }
            for (Record r : change.added()) {
                if (subscribed(session, r)) {
                    changes.add(RecordWire.added(r));
                }
            }
            if (!changes.isEmpty()) {
                push(session, changes);
            }
        }
    }

    /** Closes sessions whose client went silent or stayed idle too long (RFC 8490 §6.2, §6.4). */
    public synchronized void tick() {
        Instant now = clock.instant();
        for (PushSession session : List.copyOf(sessions.values())) {
            if (!session.established) {
                continue;
            }
            Duration silent = Duration.between(session.lastMessage, now);
            Duration idle = Duration.between(session.lastActivity, now);
            Duration idleLimit = max(MIN_INACTIVITY_GRACE, settings.pushInactivity().multipliedBy(2));
            if (silent.compareTo(settings.pushKeepalive().multipliedBy(2)) > 0) {
                abort(session.connection, "no keepalive for " + silent.toSeconds() + " s");
            } else if (session.subscriptions.isEmpty() && idle.compareTo(idleLimit) > 0) {
                abort(session.connection, "inactive for " + idle.toSeconds() + " s");
            }
        }
    }

    /** Asks every session's client to go away for the retry delay (RFC 8490 §7.2), as the server stops. */
    public synchronized void shutdown() {
        byte[] retry = DsoMessage.unidirectional(DsoMessage.Tlv.retryDelay(settings.retryDelay().toMillis())).toWire();
        for (PushSession session : sessions.values()) {
            if (session.established) {
                session.connection.send(retry);
            }
        }
    }

    public synchronized void connectionClosed(DnsResponder connection) {
        PushSession session = sessions.remove(connection);
        if (session != null) {
            subscriptionCount -= session.subscriptions.size();
        }
    }

    public synchronized List<WatchState> watches() {
        List<WatchState> watches = new ArrayList<>();
        for (PushSession s : sessions.values()) {
            for (Question q : s.subscriptions.values()) {
                watches.add(new WatchState(WatchMechanism.DNS_PUSH, s.connection.client().toString(),
                        s.zone.toString(), q.name().toString(), q.type(), Optional.empty(), Optional.ofNullable(s.lastPush), 0));
            }
        }
        return watches;
    }

    private static boolean subscribed(PushSession session, Record record) {
        return session.subscriptions.values().stream().anyMatch(q -> q.matches(record));
    }

    private void establish(PushSession session) {
        session.established = true;
        // The session's own timers decide when it ends; the transport's idle timeout must not cut it first.
        session.connection.setIdleTimeout(settings.pushKeepalive().multipliedBy(2).plus(MIN_INACTIVITY_GRACE));
    }

    private void push(PushSession session, List<byte[]> changes) {
        session.lastPush = clock.instant();
        PushCodec.pushMessages(changes).forEach(session.connection::send);
    }

    private void abort(DnsResponder connection, String why) {
        refusals.info("closed DSO connections", connection.client().getAddress(),
                "Closed the DSO connection from {}: {}", connection.client(), why);
        connectionClosed(connection);
        connection.close();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
