package io.homeward.rendezvous.dns.internal.llq;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executor;

import org.osgi.service.log.Logger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.watch.WatchMechanism;
import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.kit.log.CountedLog;
import io.homeward.rendezvous.dns.internal.query.QueryAnswerer;
import io.homeward.rendezvous.dns.internal.response.ResponseWriter;
import io.homeward.rendezvous.dns.internal.tsig.TsigOutcome;
import io.homeward.rendezvous.dns.internal.watch.Question;
import io.homeward.rendezvous.dns.internal.watch.RecordWire;
import io.homeward.rendezvous.dns.internal.watch.WatchSettings;
import io.homeward.rendezvous.dns.internal.zone.ZoneChange;
import io.homeward.rendezvous.dns.internal.zone.ZoneChangeListener;

/**
 * The LLQ server (RFC 8764): the four-way setup over UDP (two messages over a stream), refresh and cancel,
 * events for every change that answers an LLQ. Setup and refresh must be TSIG-signed with a key of the zone the
 * question is in (the user's master key or a host key); its challenge response and refreshes with the key that set
 * it up. All state is guarded by this object; the owner calls {@link #tick} regularly for timers.
 */
public final class LlqServer implements ZoneChangeListener {
    /** A challenge not answered within this time is forgotten (the client resends its setup after 2 s). */
    static final Duration CHALLENGE_TIMEOUT = Duration.ofSeconds(30);
    /** A challenge response may carry a lease this far from the granted one (as Apple's dnsextd accepts). */
    static final long LEASE_FUDGE_SECONDS = 60;

    private final Map<Long, LlqEntry> entries = new HashMap<>();
    /**
     * Indexes kept in step with {@link #entries}, so that a setup and a zone change cost the same with a
     * hundred LLQs or a hundred thousand: the LLQ of a client for a question, the number of LLQs of each
     * client address, and the LLQs watching each owner name.
     */
    private final Map<ClientQuestion, LlqEntry> byClientQuestion = new HashMap<>();
    private final Map<InetAddress, Integer> perClient = new HashMap<>();
    private final Map<Name, Set<LlqEntry>> byName = new HashMap<>();

    private record ClientQuestion(InetSocketAddress client, Question question) {
    }
    private final WatchSettings settings;
    private final LlqReplies replies;
    private final LlqEvents sender;
    private final Clock clock;
    private final Random random;
    private final Executor events;
    private final Logger log;
    private final CountedLog refusals;

    /**
     * @param random     LLQ-IDs and event message IDs; a SecureRandom outside tests (the ID is all that binds an
     *                   event to its LLQ, see the security considerations of RFC 8764)
     * @param events     where zone changes are turned into events, off the zone store's lock
     * @param udpPayload the largest UDP event this server sends
     * @param refusals   where refusals an unauthenticated client can provoke are logged, counted
     */
    public LlqServer(WatchSettings settings, QueryAnswerer answerer, ResponseWriter writer, int udpPayload, Clock clock,
            Random random, Executor events, Logger log, CountedLog refusals) {
        this.settings = settings;
        this.replies = new LlqReplies(answerer, writer);
        this.sender = new LlqEvents(udpPayload, clock, random);
        this.clock = clock;
        this.random = random;
        this.events = events;
        this.log = log;
        this.refusals = refusals;
    }

    /** Answers an LLQ setup or refresh; {@code tsig} is null for an unsigned request, else verified. */
    public synchronized void handle(Message message, Header header, LlqOption option, TsigOutcome tsig,
            DnsResponder responder) {
        Record q = message.getQuestion();
        boolean answerable = q != null && message.getSection(Section.QUESTION).size() == 1
                && q.getDClass() == DClass.IN && (Type.isRR(q.getType()) || q.getType() == Type.ANY);
        LlqRequest request = new LlqRequest(message, header, option,
                answerable ? new Question(q.getName(), q.getType()) : null, tsig, responder);
        if (!answerable) {
            replies.option(request, option.opcode(), LlqOption.FORMAT_ERR, option.id(), 0);
        } else if (tsig == null || tsig.rights() == null || !q.getName().subdomain(tsig.rights().zone())) {
            refusals.info(tsig == null ? "unsigned LLQs" : "LLQs signed with another zone's key",
                    responder.client().getAddress(), "Refused an LLQ for {} from {}: {}",
                    q.getName(), responder.client(), tsig == null
                            ? "it is not TSIG-signed"
                            : "the key " + tsig.keyName() + " is not a key of the name's zone");
            replies.refused(request);
        } else if (option.version() != LlqOption.VERSION) {
            replies.option(request, option.opcode(), LlqOption.BAD_VERS, option.id(), 0);
        } else if (option.opcode() == LlqOption.SETUP) {
            setup(request);
        } else if (option.opcode() == LlqOption.REFRESH) {
            refresh(request);
        } else {
            replies.option(request, option.opcode(), LlqOption.FORMAT_ERR, option.id(), 0);
        }
    }

    private void setup(LlqRequest request) {
        Instant now = clock.instant();
        DnsResponder responder = request.responder();
        if (request.option().id() != 0) {
            answerChallengeResponse(request, now);
            return;
        }
        Optional<LlqEntry> existing = Optional.ofNullable(byClientQuestion.get(new ClientQuestion(responder.client(),
                request.question())));
        if (existing.isPresent() && !existing.get().established() && !responder.transport().isStream()) {
            // The challenge was lost: the same challenge again (RFC 8764 §5.2.2; dnsextd keeps the ID too).
            replies.challenge(request, existing.get());
            return;
        }
        existing.ifPresent(e -> remove(e, "the client set it up again"));
        if (!withinLimits(responder.client().getAddress())) {
            refusals.info("LLQs refused SERV-FULL", responder.client().getAddress(),
                    "LLQ for {} from {} refused: SERV-FULL ({} per client, {} in total)", request.question().name(),
                    responder.client(), settings.llqPerClient(), settings.llqTotal());
            // The lease of a SERV-FULL answer says how long to wait before trying again.
            replies.option(request, LlqOption.SETUP, LlqOption.SERV_FULL, 0, settings.retryDelay().toSeconds());
            return;
        }
        LlqEntry entry = new LlqEntry(newId(), request.question(), request.tsig().rights().zone(),
                request.tsig().keyName(), request.tsig().key(), responder,
                settings.clampLease(request.option().leaseSeconds()));
        add(entry);
        if (responder.transport().isStream()) {
            // Over TCP and TLS the connection already proves the address: no challenge (RFC 8764 §5.2; Apple's
            // client and server skip it too).
            establish(entry, now);
            replies.answers(request, entry, now);
        } else {
            entry.expires = now.plus(CHALLENGE_TIMEOUT);
            replies.challenge(request, entry);
        }
    }

    private void answerChallengeResponse(LlqRequest request, Instant now) {
        LlqOption option = request.option();
        LlqEntry entry = entries.get(option.id());
        if (entry == null || !entry.from(request.responder()) || !entry.question.equals(request.question())
                || !entry.keyName.equals(request.tsig().keyName())) {
            replies.option(request, LlqOption.SETUP, LlqOption.NO_SUCH_LLQ, option.id(), 0);
            return;
        }
        if (!entry.established()) {
            if (Math.abs(option.leaseSeconds() - entry.grantedLease) > LEASE_FUDGE_SECONDS) {
                log.debug("Ignored a challenge response from {}: lease {} s, granted {} s", request.responder().client(),
                        option.leaseSeconds(), entry.grantedLease);
                return;
            }
            establish(entry, now);
        }
        // A repeated challenge response gets the answers again: the client lost the first ACK.
        replies.answers(request, entry, now);
    }

    private void refresh(LlqRequest request) {
        LlqOption option = request.option();
        LlqEntry entry = entries.get(option.id());
        if (entry == null || !entry.established() || !entry.from(request.responder())
                || !entry.question.equals(request.question()) || !entry.keyName.equals(request.tsig().keyName())) {
            replies.option(request, LlqOption.REFRESH, LlqOption.NO_SUCH_LLQ, option.id(), 0);
            return;
        }
        if (option.leaseSeconds() == 0) {
            remove(entry, "cancelled by the client");
            replies.option(request, LlqOption.REFRESH, LlqOption.NO_ERROR, entry.id, 0);
            return;
        }
        entry.grantedLease = settings.clampLease(option.leaseSeconds());
        extend(entry, clock.instant());
        replies.option(request, LlqOption.REFRESH, LlqOption.NO_ERROR, entry.id, entry.grantedLease);
    }

    /** Takes an event acknowledgement (RFC 8764 §7.2): a response echoing the event's ID and LLQ option. */
    public synchronized void acknowledge(Message ack, DnsResponder responder) {
        Optional<LlqOption> option = LlqOption.from(ack.getOPT());
        if (option.isEmpty() || option.get().opcode() != LlqOption.EVENT) {
            return;
        }
        LlqEntry entry = entries.get(option.get().id());
        if (entry != null && entry.responder.client().getAddress().equals(responder.client().getAddress())) {
            entry.pending.remove(ack.getHeader().getID());
        }
    }

    @Override
    public void zoneChanged(ZoneChange change) {
        events.execute(() -> deliver(change));
    }

    synchronized void deliver(ZoneChange change) {
        Instant now = clock.instant();
        for (LlqEntry entry : watching(change)) {
            if (!entry.established()) {
                continue;
            }
            if (!now.isBefore(entry.expires)) {
                remove(entry, "its lease ended");
                continue;
            }
            List<byte[]> answers = new ArrayList<>();
            change.removed().stream().filter(entry.question::matches).forEach(r -> answers.add(RecordWire.removed(r)));
            change.added().stream().filter(entry.question::matches).forEach(r -> answers.add(RecordWire.added(r)));
            if (!answers.isEmpty()) {
                sender.send(entry, answers, now);
            }
        }
    }

    /** Ends LLQs whose lease ran out, resends unacknowledged events, gives up on silent clients. */
    public synchronized void tick() {
        Instant now = clock.instant();
        for (LlqEntry entry : List.copyOf(entries.values())) {
            if (!now.isBefore(entry.expires)) {
                remove(entry, entry.established() ? "its lease ended" : "the challenge was not answered");
            } else if (!sender.retransmit(entry, now)) {
                remove(entry, "an event went unacknowledged " + LlqEvents.MAX_TRANSMISSIONS + " times");
            }
        }
    }

    /**
     * Ends the LLQs set up with a key that was deleted (docs/enrollment.md, "Revocation"); the client's next
     * refresh, signed with that key, gets BADKEY.
     *
     * @return how many LLQs ended
     */
    public synchronized int closeKey(Name keyName) {
        int closed = 0;
        for (LlqEntry entry : List.copyOf(entries.values())) {
            if (entry.keyName.equals(keyName)) {
                remove(entry, "its key " + keyName + " was deleted");
                closed++;
            }
        }
        return closed;
    }

    /** Drops the LLQs set up over a stream connection that closed. */
    public synchronized void connectionClosed(DnsResponder connection) {
        for (LlqEntry entry : List.copyOf(entries.values())) {
            if (entry.responder == connection) {
                remove(entry, "its connection closed");
            }
        }
    }

    public synchronized List<WatchState> watches() {
        List<WatchState> watches = new ArrayList<>();
        for (LlqEntry e : entries.values()) {
            if (e.established()) {
                watches.add(new WatchState(mechanism(e.responder.transport()),
                        e.responder.client().toString(), e.zone.toString(), e.question.name().toString(),
                        e.question.type(), Optional.of(e.expires), Optional.ofNullable(e.lastEvent),
                        e.pending.size()));
            }
        }
        return watches;
    }

    private static WatchMechanism mechanism(DnsTransport transport) {
        return switch (transport) {
            case UDP -> WatchMechanism.LLQ_UDP;
            case TCP -> WatchMechanism.LLQ_TCP;
            case TLS -> WatchMechanism.LLQ_TLS;
        };
    }

    private void establish(LlqEntry entry, Instant now) {
        entry.state = LlqEntry.State.ESTABLISHED;
        extend(entry, now);
        log.info("LLQ {} for {} {} from {} established, lease {} s", Long.toHexString(entry.id),
                entry.question.name(), entry.question.typeName(), entry.responder.client(), entry.grantedLease);
    }

    /**
     * Starts the granted lease. A client refreshes only every half lease or so, and events flow one way, so a
     * stream carrying LLQs may stay silent that long: the transport must not close it as idle before the lease ends.
     */
    private void extend(LlqEntry entry, Instant now) {
        entry.expires = now.plusSeconds(entry.grantedLease);
        if (entry.responder.transport().isStream()) {
            entry.responder.setIdleTimeout(Duration.ofSeconds(entry.grantedLease).plus(CHALLENGE_TIMEOUT));
        }
    }

    /** The LLQs whose question names a record of the change, each once. */
    private Set<LlqEntry> watching(ZoneChange change) {
        Set<LlqEntry> watching = new LinkedHashSet<>();
        for (List<Record> records : List.of(change.removed(), change.added())) {
            for (Record r : records) {
                watching.addAll(byName.getOrDefault(r.getName(), Set.of()));
            }
        }
        return watching;
    }

    private void add(LlqEntry entry) {
        entries.put(entry.id, entry);
        byClientQuestion.put(new ClientQuestion(entry.responder.client(), entry.question), entry);
        perClient.merge(entry.responder.client().getAddress(), 1, Integer::sum);
        byName.computeIfAbsent(entry.question.name(), n -> new LinkedHashSet<>()).add(entry);
    }

    private void remove(LlqEntry entry, String why) {
        if (entries.remove(entry.id) != null) {
            byClientQuestion.remove(new ClientQuestion(entry.responder.client(), entry.question), entry);
            perClient.computeIfPresent(entry.responder.client().getAddress(), (a, n) -> n == 1 ? null : n - 1);
            Set<LlqEntry> named = byName.get(entry.question.name());
            if (named != null && named.remove(entry) && named.isEmpty()) {
                byName.remove(entry.question.name());
            }
            log.info("LLQ {} for {} from {} ended: {}", Long.toHexString(entry.id), entry.question.name(),
                    entry.responder.client(), why);
        }
    }

    private boolean withinLimits(InetAddress client) {
        if (entries.size() >= settings.llqTotal()) {
            return false;
        }
        return perClient.getOrDefault(client, 0) < settings.llqPerClient();
    }

    private long newId() {
        long id;
        do {
            id = random.nextLong();
        } while (id == 0 || entries.containsKey(id));
        return id;
    }
}
