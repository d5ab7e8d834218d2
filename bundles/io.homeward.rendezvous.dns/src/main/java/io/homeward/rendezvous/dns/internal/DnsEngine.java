package io.homeward.rendezvous.dns.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.osgi.service.log.Logger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.api.auth.TsigKey;
import io.homeward.api.dns.DnsRequestHandler;
import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.rendezvous.ZoneDirectory;
import io.homeward.kit.dns.wire.DsoMessage;
import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.rendezvous.dns.internal.journal.GroupCommit;
import io.homeward.rendezvous.dns.internal.journal.ZonePersistence;
import io.homeward.rendezvous.dns.internal.lease.LeasePolicy;
import io.homeward.rendezvous.dns.internal.llq.LlqServer;
import io.homeward.rendezvous.dns.internal.push.PushServer;
import io.homeward.rendezvous.dns.internal.query.AnswerCache;
import io.homeward.rendezvous.dns.internal.query.QueryAnswerer;
import io.homeward.rendezvous.dns.internal.transfer.ZoneTransfer;
import io.homeward.rendezvous.dns.internal.tsig.TsigOutcome;
import io.homeward.rendezvous.dns.internal.tsig.TsigSigner;
import io.homeward.rendezvous.dns.internal.tsig.TsigVerifier;
import io.homeward.rendezvous.dns.internal.update.UpdateProcessor;
import io.homeward.rendezvous.dns.internal.update.UpdateResult;
import io.homeward.rendezvous.dns.internal.watch.Question;
import io.homeward.rendezvous.dns.internal.watch.WatchSettings;
import io.homeward.rendezvous.dns.internal.zone.Zone;
import io.homeward.rendezvous.dns.internal.zone.ZoneChangeListener;
import io.homeward.rendezvous.dns.internal.zone.ZoneStore;
import io.homeward.rendezvous.dns.internal.zone.ZoneTemplate;

/**
 * The rendezvous DNS server without OSGi: parses each message, checks EDNS and TSIG, answers QUERY, AXFR and
 * UPDATE, and sizes, signs and sends the response; hands LLQ messages (RFC 8764) to the {@link LlqServer} and
 * DSO messages (RFC 8490) to the {@link PushServer}. Malformed input gets FORMERR (or is dropped when not even
 * the header is there); nothing escapes {@link #handle}.
 */
public final class DnsEngine implements DnsRequestHandler, AutoCloseable {
    /** Clients whose UPDATE rate is tracked at once. */
    static final int RATE_LIMITED_CLIENTS = 10_000;
    /** Answers kept for repeated questions; a household's zones have far fewer names. */
    static final int ANSWER_CACHE_ENTRIES = 50_000;

    private final Clock clock;
    private final Logger log;
    private final ZonePersistence persistence;
    private final ZoneStore store;
    private final ResponseWriter writer;
    private final QueryAnswerer answerer;
    private final UpdateProcessor updates;
    private final ZoneTransfer transfer;
    private final TsigVerifier verifier;
    private final TsigSigner signer;
    private final UpdateRateLimiter limiter;
    private final GroupCommit groupCommit;
    private final AnswerCache answers;
    private final LlqServer llq;
    private final PushServer push;

    /** An engine with the default LLQ and push settings that turns zone changes into events on the caller's thread. */
    public DnsEngine(ServerSettings settings, Function<String, Optional<TsigKey>> keys, Clock clock, Path journalDir,
            Logger log) throws IOException {
        this(settings, WatchSettings.DEFAULTS, keys, clock, new SecureRandom(), Runnable::run, journalDir, log);
    }

    /**
     * @param keys       finds a TSIG key by name (absolute, lower case)
     * @param random     LLQ-IDs and event message IDs: a SecureRandom outside tests
     * @param events     the thread that turns zone changes into LLQ events and PUSH messages
     * @param journalDir directory of the journal and snapshot, created when missing
     * @throws IOException when the journal cannot be opened or read
     */
    public DnsEngine(ServerSettings settings, WatchSettings watchSettings, Function<String, Optional<TsigKey>> keys,
            Clock clock, Random random, Executor events, Path journalDir, Logger log) throws IOException {
        this.clock = clock;
        this.log = log;
        this.persistence = new ZonePersistence(journalDir, settings.compactionBytes(), log);
        this.store = new ZoneStore(new ZoneTemplate(settings), persistence, clock, log);
        store.open();
        this.signer = new TsigSigner(clock);
        this.writer = new ResponseWriter(new EdnsPolicy(settings.ednsPayload()), signer);
        this.answerer = new QueryAnswerer(store);
        this.updates = new UpdateProcessor(store,
                new LeasePolicy(settings.leaseMinSeconds(), settings.leaseMaxSeconds()), clock, log);
        this.transfer = new ZoneTransfer(store);
        this.verifier = new TsigVerifier(keys, clock);
        this.limiter = new UpdateRateLimiter(settings.updatesPerSecond(), settings.updateBurst(),
                RATE_LIMITED_CLIENTS, clock);
        this.groupCommit = new GroupCommit(store::awaitDurable, log, "homeward-dns-group-commit");
        this.answers = new AnswerCache(store::generation, ANSWER_CACHE_ENTRIES);
        this.llq = new LlqServer(watchSettings, answerer, writer, settings.ednsPayload(), clock, random, events, log);
        this.push = new PushServer(watchSettings, this::currentRecords, clock, events, log);
        store.addListener(llq);
        store.addListener(push);
    }

    /** Runs the LLQ and push timers: lease ends, event retransmission, DSO keepalive and inactivity. */
    public void tick() {
        llq.tick();
        push.tick();
    }

    /** Forgets the LLQs and push session of a stream connection that closed. */
    public void connectionClosed(DnsResponder connection) {
        llq.connectionClosed(connection);
        push.connectionClosed(connection);
    }

    /** Every LLQ and push subscription held now. */
    public List<WatchState> watches() {
        List<WatchState> all = new ArrayList<>(llq.watches());
        all.addAll(push.watches());
        return all;
    }

    public ZoneDirectory directory() {
        return new StoredZoneDirectory(store);
    }

    /** Tells DSO clients to go away for the retry delay; call before the listeners stop. */
    public void shutdownSessions() {
        push.shutdown();
    }

    /** Creates the zone of a user (absolute name below the domain); false when it exists already. */
    public boolean createZone(Name zone) throws IOException {
        return store.createZone(zone);
    }

    public boolean removeZone(Name zone) throws IOException {
        return store.removeZone(zone);
    }

    /** Drops every record whose lease has ended by now; returns how many went. */
    public int expireLeases() throws IOException {
        return store.expireLeases(clock.instant());
    }

    public void addListener(ZoneChangeListener listener) {
        store.addListener(listener);
    }

    public void removeListener(ZoneChangeListener listener) {
        store.removeListener(listener);
    }

    public ZoneBrowser browser() {
        return new ZoneBrowser(store);
    }

    /** Acknowledges the updates still waiting for the disk, then closes the journal. */
    @Override
    public void close() throws IOException {
        groupCommit.close();
        store.removeListener(llq);
        store.removeListener(push);
        persistence.close();
    }

    private List<Record> currentRecords(Question question) {
        return store.read(() -> {
            Zone zone = store.find(question.name());
            return zone == null ? List.<Record>of() : zone.rrset(question.name(), question.type());
        });
    }

    @Override
    public void handle(byte[] message, DnsResponder client) {
        if (message == null || message.length < Header.LENGTH) {
            return;
        }
        Optional<AnswerCache.Key> key = AnswerCache.keyOf(message, client.transport());
        if (key.isEmpty()) {
            answer(message, client);
            return;
        }
        if (client.transport().isStream()) {
            push.heard(client);
        }
        byte[] cached = answers.answer(key.get(), message);
        if (cached != null) {
            client.send(cached);
            return;
        }
        long before = answers.generationNow();
        answer(message, new RememberingResponder(client, answer -> {
            if (AnswerCache.isDefinite(answer)) {
                answers.remember(key.get(), before, answer);
            }
        }));
    }

    private void answer(byte[] message, DnsResponder responder) {
        Header header = null;
        try {
            header = new Header(message);
            if (header.getOpcode() == DsoMessage.OPCODE) {
                underReadLock(() -> push.handle(message, responder));
                return;
            }
            if (responder.transport().isStream()) {
                push.heard(responder);
            }
            if (!header.getFlag(Flags.QR)) {
                respond(header, message, responder);
            } else {
                acknowledge(message, responder);
            }
        } catch (IOException | RuntimeException e) {
            log.error("Failed to answer a DNS message from {}", responder.client(), e);
            if (header != null) {
                answerServerFailure(header, responder);
            }
        }
    }

    /** A response sent to the server can only be an LLQ event acknowledgement; anything else is dropped. */
    private void acknowledge(byte[] message, DnsResponder responder) {
        try {
            llq.acknowledge(new Message(message), responder);
        } catch (IOException | IllegalArgumentException e) {
            log.debug("Dropped a response from {} that is no LLQ acknowledgement: {}", responder.client(),
                    e.getMessage());
        }
    }

    private void answerServerFailure(Header header, DnsResponder responder) {
        try {
            writer.sendRcode(header, null, Rcode.SERVFAIL, null, responder);
        } catch (RuntimeException e) {
            log.debug("Could not even send SERVFAIL to {}: {}", responder.client(), e.getMessage());
        }
    }

    private void respond(Header header, byte[] wire, DnsResponder responder) {
        Message request;
        try {
            if (wire.length > EdnsPolicy.STREAM_LIMIT) {
                throw new IOException("a message longer than 65535 bytes");
            }
            request = new Message(wire);
        } catch (IOException | RuntimeException e) {
            log.debug("FORMERR to {}: {}", responder.client(), e.getMessage());
            writer.sendRcode(header, null, Rcode.FORMERR, null, responder);
            return;
        }
        int opcode = header.getOpcode();
        if (request.getSection(Section.ADDITIONAL).stream().filter(r -> r.getType() == Type.OPT).count() > 1) {
            // RFC 6891 §6.1.1: more than one OPT is a format error.
            writer.sendRcode(header, null, Rcode.FORMERR, null, responder);
            return;
        }
        OPTRecord opt = request.getOPT();
        if (opt != null && opt.getVersion() > 0) {
            writer.sendRcode(header, request, Rcode.BADVERS, null, responder);
            return;
        }
        if (opcode != Opcode.QUERY && opcode != Opcode.UPDATE) {
            writer.sendRcode(header, request, Rcode.NOTIMP, null, responder);
            return;
        }
        if (opcode == Opcode.UPDATE && !limiter.allow(responder.client().getAddress())) {
            log.info("Refused an UPDATE from {}: over the rate limit", responder.client());
            writer.sendRcode(header, request, Rcode.REFUSED, null, responder);
            return;
        }
        TsigOutcome tsig = null;
        if (request.getTSIG() != null) {
            tsig = verifier.verify(request, wire);
            if (!tsig.verified()) {
                log.info("TSIG check failed for key {} from {}: {}", tsig.keyName(), responder.client(),
                        Rcode.TSIGstring(tsig.error()));
                writer.sendRcode(header, request, Rcode.NOTAUTH, tsig, responder);
                return;
            }
        }
        if (opcode == Opcode.QUERY && llq(header, request, opt, tsig, responder)) {
            return;
        }
        if (opcode == Opcode.UPDATE) {
            UpdateResult result = updates.process(request, tsig);
            List<EDNSOption> options = result.rcode() == Rcode.NOERROR
                    ? result.granted().map(g -> List.of(g.toOption())).orElse(List.of())
                    : List.of();
            TsigOutcome verified = tsig;
            // Acknowledged only once on disk (group commit: one flush for every update waiting).
            groupCommit.whenDurable(result.journalOffset(), new GroupCommit.Acknowledgement() {
                @Override
                public void durable() {
                    writer.send(request, ResponseWriter.reply(header, request), result.rcode(), options, verified, responder);
                }

                @Override
                public void failed(java.io.IOException e) {
                    writer.send(request, ResponseWriter.reply(header, request), Rcode.SERVFAIL, List.of(), verified, responder);
                }
            });
        } else {
            query(header, request, tsig, responder);
        }
    }

    /** Hands a query with an LLQ option to the LLQ server; false for any other query. */
    private boolean llq(Header header, Message request, OPTRecord opt, TsigOutcome tsig, DnsResponder responder) {
        Optional<LlqOption> option;
        try {
            option = LlqOption.from(opt);
        } catch (IllegalArgumentException e) {
            log.debug("FORMERR to {}: {}", responder.client(), e.getMessage());
            writer.sendRcode(header, request, Rcode.FORMERR, tsig, responder);
            return true;
        }
        option.ifPresent(o -> underReadLock(() -> llq.handle(request, header, o, tsig, responder)));
        return option.isPresent();
    }

    /*
     * Lock order: the zone store's lock before the LLQ or push server's monitor. Zone changes reach those servers
     * with the store's write lock held, and answering a setup or SUBSCRIBE reads the store, so the read lock is
     * taken first here.
     */
    private void underReadLock(Runnable action) {
        store.read(() -> {
            action.run();
            return null;
        });
    }

    private void query(Header header, Message request, TsigOutcome tsig, DnsResponder responder) {
        Message response = ResponseWriter.reply(header, request);
        List<Record> questions = request.getSection(Section.QUESTION);
        if (questions.size() != 1) {
            writer.send(request, response, Rcode.FORMERR, List.of(), tsig, responder);
            return;
        }
        Record question = questions.get(0);
        int type = question.getType();
        int rcode;
        if (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY) {
            rcode = Rcode.REFUSED;
        } else if (type == Type.AXFR) {
            transfer(request, response, question.getName(), tsig, responder);
            return;
        } else if (type == Type.OPT || type == Type.TSIG || type == Type.TKEY) {
            rcode = Rcode.FORMERR;
        } else if (!Type.isRR(type) && type != Type.ANY) {
            rcode = Rcode.NOTIMP;
        } else {
            rcode = answerer.answer(question.getName(), type, response);
            if (type == Type.SOA && tsig != null && responder.transport() == DnsTransport.TLS
                    && question.getName().equals(tsig.keyName()) && isZoneSoa(response)) {
                // The agreed DNS Push authorization: a signed SOA query for the key's own zone binds the connection.
                push.bind(responder, tsig.keyName());
            }
        }
        writer.send(request, response, rcode, List.of(), tsig, responder);
    }

    private static boolean isZoneSoa(Message response) {
        List<Record> answers = response.getSection(Section.ANSWER);
        return answers.size() == 1 && answers.get(0).getType() == Type.SOA;
    }

    /** AXFR (RFC 5936) only over a stream and only to the zone's own key; RFC 5936 leaves access control to us. */
    private void transfer(Message request, Message response, Name zone, TsigOutcome tsig, DnsResponder responder) {
        if (!responder.transport().isStream() || tsig == null || !tsig.keyName().equals(zone.canonicalize())) {
            log.info("Refused AXFR of {} to {} over {} with key {}", zone, responder.client(), responder.transport(),
                    tsig == null ? "none" : tsig.keyName());
            writer.send(request, response, Rcode.REFUSED, List.of(), tsig, responder);
            return;
        }
        Optional<List<Message>> messages = transfer.messages(request, zone);
        if (messages.isEmpty()) {
            writer.send(request, response, Rcode.NOTAUTH, List.of(), tsig, responder);
            return;
        }
        signer.signStream(messages.get(), tsig);
        for (Message m : messages.get()) {
            if (!responder.send(m.toWire())) {
                return;
            }
        }
    }
}
