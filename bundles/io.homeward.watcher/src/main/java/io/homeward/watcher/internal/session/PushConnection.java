package io.homeward.watcher.internal.session;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.osgi.service.log.Logger;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

import io.homeward.api.watch.WatchedRecord;
import io.homeward.kit.dns.Backoff;
import io.homeward.kit.dns.FingerprintMismatchException;
import io.homeward.kit.dns.PushBinding;
import io.homeward.kit.dns.TsigSigner;
import io.homeward.kit.dns.wire.DsoMessage;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.watcher.internal.net.Link;
import io.homeward.watcher.internal.net.LinkOpener;
import io.homeward.watcher.internal.wire.PushChange;
import io.homeward.watcher.internal.wire.Records;

/**
 * The one DNS Push session (RFC 8765) to the rendezvous server, a DSO session (RFC 8490) over TLS carrying the
 * SUBSCRIBE of every watched name and type (RFC 8765 §6: many subscriptions share a session).
 * <ol>
 * <li>An SOA query for the user's zone with a client cookie gets the server cookie of this connection
 * (RFC 7873); the SOA query signed with the user's key and carrying both cookies binds the connection to the
 * user's zone (DSO messages cannot carry TSIG, RFC 8490 §5.4.4), and cannot be replayed on any other
 * connection. A server that sends no cookie gets the signed query without one.</li>
 * <li>A Keepalive request establishes the session and learns the server's timers (§7.1).</li>
 * <li>Per name and type one SUBSCRIBE, identified by its message ID, whatever the number of watches of it
 * (§6.2 forbids a second); then per watch a signed ordinary query gives the full answer set, which reconciles
 * what its listener was told before (PUSHes before the answer are ordinary changes). At most
 * {@link #WINDOW} of these requests are outstanding, so a burst never overflows the server's queue.</li>
 * </ol>
 * A PUSH goes to the watches of its name and type. Keepalives go out before the server's keepalive interval and
 * well before its inactivity timeout ends; a session that leaves one unanswered, or any request for
 * {@link #RESPONSE_MILLIS}, is dead. A session lost once up is opened again with backoff (and at least the
 * server's Retry Delay), re-subscribing everything and re-reading every answer set; its watches meanwhile hear
 * {@link SessionEvents#interrupted}. A session that cannot be opened, and a SUBSCRIBE the server refuses, fail
 * only the watches concerned, which then fall back to another mechanism. Logic thread only.
 */
public final class PushConnection {
    /** RFC 8490 §6.2: no response to a DSO request within 30 s means the server's state is unknown. */
    static final long RESPONSE_MILLIS = 30_000;
    /** We ask for these (RFC 8490 §7.1); the server's answer decides. */
    static final long PROPOSED_INACTIVITY_MILLIS = 15_000;
    static final long PROPOSED_KEEPALIVE_MILLIS = 60_000;
    /** RFC 8490 §7.1.1: a keepalive interval below 10 s is a protocol error. */
    static final long MIN_KEEPALIVE_MILLIS = 10_000;
    /** We probe the server at least this often, to notice a silent server restart. */
    static final long MAX_PROBE_MILLIS = 60_000;
    /** Nor more often than this, whatever a short inactivity timeout suggests. */
    static final long MIN_PROBE_MILLIS = 5_000;
    /** SUBSCRIBEs and answer-set queries outstanding at once on the session. */
    static final int WINDOW = 16;
    /** A session up this long was healthy: its loss starts the reconnection backoff from the beginning. */
    static final long HEALTHY_MILLIS = 60_000;
    /** Changes held for one watch while its answer set is read; past this the answer set is read again. */
    static final int MAX_HELD_CHANGES = 1024;
    /** RFC 8490 §7.1: an inactivity timeout of 0xFFFFFFFF means none. */
    private static final long NO_TIMEOUT = 0xFFFF_FFFFL;

    private enum State { IDLE, CONNECTING, CHALLENGING, AUTHENTICATING, STARTING, READY, WAITING, CLOSED }

    /** What an outstanding request was for. */
    private record Pending(Object purpose, long sentAt) {
    }

    private static final Object HANDSHAKE = new Object();
    private static final Object KEEPALIVE = new Object();

    /** The subscription of one name and type on the server, shared by every watch of it. */
    private static final class Topic {
        final Name name;
        final int type;
        final List<PushSubscription> watches = new ArrayList<>();
        /** The message ID of its SUBSCRIBE, 0 while not sent on this session. */
        int id;
        boolean acknowledged;

        Topic(Name name, int type) {
            this.name = name;
            this.type = type;
        }
    }

    private record Question(Name name, int type) {
    }

    private final Name zone;
    private final LinkOpener opener;
    private final TsigSigner signer;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Random random;
    private final Backoff backoff;
    private final Logger log;

    private final Map<Question, Topic> topics = new LinkedHashMap<>();
    private final Map<Integer, Pending> pending = new HashMap<>();
    /** Topics to SUBSCRIBE and watches to read the answer set of, once the window has room. */
    private final Deque<Object> backlog = new ArrayDeque<>();
    private final byte[] clientCookie = new byte[PushBinding.CLIENT_COOKIE_BYTES];

    private State state = State.IDLE;
    private Link link;
    /** Tells the receiver of a replaced link from the current one. */
    private int generation;
    private TSIGRecord handshakeTsig;
    private int inFlight;
    private boolean keepaliveOutstanding;
    private long keepaliveMillis = PROPOSED_KEEPALIVE_MILLIS;
    private long inactivityMillis = PROPOSED_INACTIVITY_MILLIS;
    private long readySince;
    private Scheduler.Scheduled responseTimer = () -> { };
    private Scheduler.Scheduled keepaliveTimer = () -> { };
    private Scheduler.Scheduled reconnectTimer = () -> { };

    public PushConnection(Name zone, LinkOpener opener, TsigSigner signer, Scheduler scheduler, Clock clock,
            Random random, Backoff backoff, Logger log) {
        this.zone = zone;
        this.opener = opener;
        this.signer = signer;
        this.scheduler = scheduler;
        this.clock = clock;
        this.random = random;
        this.backoff = backoff;
        this.log = log;
    }

    /** A watch of this name and type on the session; it joins the session when started. */
    public PushSubscription subscription(Name name, int type, SessionEvents events) {
        return new PushSubscription(this, name, type, events);
    }

    /** How many names and types the session subscribes to (for tests and the log). */
    int topicCount() {
        return topics.size();
    }

    void add(PushSubscription watch) {
        if (state == State.CLOSED) {
            watch.events.failed("the watcher is stopping", 0, false);
            return;
        }
        Topic topic = topics.computeIfAbsent(new Question(watch.name, watch.type), q -> new Topic(q.name, q.type));
        topic.watches.add(watch);
        watch.state = PushSubscription.State.WAITING;
        if (state == State.READY) {
            if (topic.acknowledged) {
                acknowledged(watch);
            } else if (topic.id == 0 && !backlog.contains(topic)) {
                backlog.add(topic);
                pump();
            }
        } else if (state == State.IDLE) {
            connect();
        }
    }

    void remove(PushSubscription watch) {
        if (watch.state == PushSubscription.State.CLOSED) {
            return;
        }
        watch.state = PushSubscription.State.CLOSED;
        backlog.remove(watch);
        Question question = new Question(watch.name, watch.type);
        Topic topic = topics.get(question);
        if (topic == null || !topic.watches.remove(watch) || !topic.watches.isEmpty()) {
            return;
        }
        topics.remove(question);
        backlog.remove(topic);
        if (state == State.READY && topic.acknowledged) {
            link.send(DsoMessage.unsubscribe(topic.id).toWire());
        }
        if (topics.isEmpty()) {
            release(State.IDLE);
        }
    }

    /**
     * The host moved (docs/architecture.md, "Data flows"): the old connection is likely dead without a word, so
     * open a new one now; the watches hear it as an interruption and get everything again.
     */
    public void reconnect() {
        if (state == State.IDLE || state == State.CLOSED) {
            return;
        }
        backoff.reset();
        interruptAll("this host's network changed");
        release(State.WAITING);
        connect();
    }

    /**
     * Ends the session for good (new credentials, the watcher stopping), after its watches were closed; one
     * still open hears nothing more.
     */
    public void close() {
        if (state == State.READY) {
            topics.values().stream().filter(t -> t.acknowledged)
                    .forEach(t -> link.send(DsoMessage.unsubscribe(t.id).toWire()));
        }
        watches().forEach(w -> w.state = PushSubscription.State.CLOSED);
        topics.clear();
        release(State.CLOSED);
    }

    private List<PushSubscription> watches() {
        return topics.values().stream().flatMap(t -> t.watches.stream()).toList();
    }

    private void connect() {
        state = State.CONNECTING;
        int attempt = ++generation;
        Receiver receiver = new Receiver(attempt);
        opener.open(receiver).onSuccess(value -> {
            if (attempt != generation || state != State.CONNECTING) {
                value.close();
                return;
            }
            link = value;
            state = State.CHALLENGING;
            random.nextBytes(clientCookie);
            Message challenge = PushBinding.challenge(zone, clientCookie);
            challenge.getHeader().setID(track(HANDSHAKE));
            send(challenge.toWire());
        }).onFailure(reason -> {
            if (attempt == generation && state == State.CONNECTING) {
                lost(reason.getMessage(), 0, reason instanceof FingerprintMismatchException);
            }
        });
    }

    /** The messages of one link; those of a link already replaced are dropped. */
    private final class Receiver implements Link.Receiver {
        private final int attempt;

        Receiver(int attempt) {
            this.attempt = attempt;
        }

        @Override
        public void received(byte[] wire) {
            if (attempt == generation && link != null) {
                PushConnection.this.received(wire);
            }
        }

        @Override
        public void closed(String reason) {
            if (attempt == generation) {
                lost("the DNS Push connection closed: " + reason, 0, false);
            }
        }
    }

    private int track(Object purpose) {
        int id;
        do {
            id = 1 + random.nextInt(0xFFFF);
        } while (pending.containsKey(id) || idOfTopic(id));
        pending.put(id, new Pending(purpose, clock.millis()));
        return id;
    }

    private boolean idOfTopic(int id) {
        return topics.values().stream().anyMatch(t -> t.id == id);
    }

    private void send(byte[] wire) {
        link.send(wire);
        if (pending.size() == 1) {
            armResponseTimer(RESPONSE_MILLIS);
        }
    }

    private void armResponseTimer(long delay) {
        responseTimer.cancel();
        responseTimer = scheduler.schedule(this::checkResponses, Duration.ofMillis(delay));
    }

    /** RFC 8490 §6.2: a request unanswered for 30 s leaves the server's state unknown; the session is over. */
    private void checkResponses() {
        if (pending.isEmpty()) {
            return;
        }
        long oldest = pending.values().stream().mapToLong(Pending::sentAt).min().orElseThrow();
        long age = clock.millis() - oldest;
        if (age >= RESPONSE_MILLIS) {
            lost("the DNS Push server did not answer within 30 s", 0, false);
        } else {
            armResponseTimer(RESPONSE_MILLIS - age);
        }
    }

    private void received(byte[] wire) {
        try {
            if (DsoMessage.isDso(wire)) {
                onDso(DsoMessage.parse(wire));
            } else {
                onQueryResponse(new Message(wire), wire);
            }
        } catch (IllegalArgumentException | BufferUnderflowException | IOException e) {
            lost("the DNS Push server sent a malformed message: " + e, 0, false);
        }
    }

    private void onQueryResponse(Message response, byte[] wire) {
        Pending request = pending.remove(response.getHeader().getID());
        if (request == null) {
            return;
        }
        if (request.purpose() instanceof PushSubscription watch) {
            inFlight--;
            onAnswerSet(watch, response, wire);
            pump();
            return;
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.REFUSED || rcode == Rcode.NOTAUTH) {
            lost("the DNS Push server refused our key for " + zone + " (" + Rcode.string(rcode) + ")",
                    RetryDelays.forRcode(rcode), false);
        } else if (state == State.CHALLENGING && rcode != Rcode.NOERROR) {
            lost("the DNS Push server answered " + Rcode.string(rcode) + " to the SOA query for " + zone,
                    RetryDelays.forRcode(rcode), false);
        } else if (state == State.CHALLENGING) {
            state = State.AUTHENTICATING;
            Message proof = PushBinding.proof(zone, clientCookie, PushBinding.serverCookie(response, clientCookie));
            proof.getHeader().setID(track(HANDSHAKE));
            byte[] signed = signer.sign(proof);
            handshakeTsig = proof.getTSIG();
            send(signed);
        } else if (state != State.AUTHENTICATING) {
            return;
        } else if (!signer.verify(response, wire, handshakeTsig)) {
            lost("the DNS Push server's answer is not signed with our key", 0, false);
        } else if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            lost("the DNS Push server answered " + Rcode.string(rcode), RetryDelays.forRcode(rcode), false);
        } else {
            state = State.STARTING;
            send(DsoMessage.keepalive(track(HANDSHAKE), PROPOSED_INACTIVITY_MILLIS, PROPOSED_KEEPALIVE_MILLIS)
                    .toWire());
        }
    }

    /** The full answer set of one watch, read after its SUBSCRIBE was acknowledged. */
    private void onAnswerSet(PushSubscription watch, Message response, byte[] wire) {
        if (watch.state != PushSubscription.State.SYNCING || response.getHeader().getID() != watch.queryId) {
            return;
        }
        int rcode = response.getRcode();
        if (!signer.verify(response, wire, watch.queryTsig)) {
            lost("the DNS Push server's answer is not signed with our key", 0, false);
        } else if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            failWatch(watch, "the DNS Push server answered " + Rcode.string(rcode) + " to the query for "
                    + watch.name, RetryDelays.forRcode(rcode));
        } else if (watch.heldWhileSyncing.size() > MAX_HELD_CHANGES) {
            watch.heldWhileSyncing.clear();
            backlog.add(watch);
            pump();
        } else {
            watch.state = PushSubscription.State.LIVE;
            watch.events.answers(response.getSection(Section.ANSWER).stream()
                    .map(record -> Records.watched(record, record.getTTL())).toList());
            watch.heldWhileSyncing.forEach(change -> change.accept(watch));
            watch.heldWhileSyncing.clear();
        }
    }

    private void onDso(DsoMessage message) {
        if (message.response()) {
            onDsoResponse(message);
        } else if (message.id() != 0) {
            lost("the DNS Push server sent us a DSO request, which clients do not serve", 0, false);
        } else if (message.primaryType() == DsoMessage.PUSH && state == State.READY) {
            onPush(PushChange.parse(message.tlvs().get(0)));
        } else if (message.primaryType() == DsoMessage.PUSH) {
            lost("the DNS Push server sent PUSH before the session was up", 0, false);
        } else if (message.primaryType() == DsoMessage.RETRY_DELAY) {
            long delay = Integer.toUnsignedLong(ByteBuffer.wrap(message.tlvs().get(0).data()).getInt());
            lost("the DNS Push server asked us to go away for " + delay + " ms", delay, false);
        } else if (message.primaryType() == DsoMessage.KEEPALIVE) {
            adoptKeepalive(message.tlvs().get(0));
        } else {
            lost("the DNS Push server sent an unknown unidirectional DSO type " + message.primaryType(), 0, false);
        }
    }

    private void onDsoResponse(DsoMessage response) {
        Pending request = pending.remove(response.id());
        if (request == null) {
            return;
        }
        if (request.purpose() == KEEPALIVE) {
            keepaliveOutstanding = false;
        } else if (request.purpose() instanceof Topic topic) {
            inFlight--;
            onSubscribeResponse(topic, response);
            pump();
        } else if (response.rcode() != Rcode.NOERROR) {
            lost("the DNS Push server answered " + Rcode.string(response.rcode()) + " to our session start",
                    retryDelay(response), false);
        } else if (state == State.STARTING) {
            DsoMessage.Tlv keepalive = response.first(DsoMessage.KEEPALIVE);
            if (keepalive == null || adoptKeepalive(keepalive)) {
                ready();
            }
        }
    }

    private static long retryDelay(DsoMessage response) {
        DsoMessage.Tlv retry = response.first(DsoMessage.RETRY_DELAY);
        return retry != null && retry.data().length == 4
                ? Integer.toUnsignedLong(ByteBuffer.wrap(retry.data()).getInt())
                : RetryDelays.forRcode(response.rcode());
    }

    private void ready() {
        state = State.READY;
        readySince = clock.millis();
        log.debug("DNS Push session up; subscribing {} name(s) and type(s)", topics.size());
        scheduleKeepalive();
        backlog.addAll(topics.values());
        pump();
    }

    /** Sends what waits while the window has room. */
    private void pump() {
        while (state == State.READY && inFlight < WINDOW && !backlog.isEmpty()) {
            Object next = backlog.poll();
            if (next instanceof Topic topic && topics.get(new Question(topic.name, topic.type)) == topic
                    && topic.id == 0) {
                topic.id = track(topic);
                inFlight++;
                send(DsoMessage.subscribe(topic.id, topic.name, topic.type, DClass.IN).toWire());
            } else if (next instanceof PushSubscription watch && watch.state == PushSubscription.State.SYNCING) {
                Message query = new Message();
                query.addRecord(Record.newRecord(watch.name, watch.type, DClass.IN), Section.QUESTION);
                watch.queryId = track(watch);
                query.getHeader().setID(watch.queryId);
                inFlight++;
                byte[] signed = signer.sign(query);
                watch.queryTsig = query.getTSIG();
                send(signed);
            }
        }
    }

    private void onSubscribeResponse(Topic topic, DsoMessage response) {
        boolean current = topics.get(new Question(topic.name, topic.type)) == topic;
        if (response.rcode() != Rcode.NOERROR) {
            topic.id = 0;
            if (!current) {
                return;
            }
            String reason = "the DNS Push server answered " + Rcode.string(response.rcode()) + " to our SUBSCRIBE";
            long delay = retryDelay(response);
            List.copyOf(topic.watches).forEach(w -> failWatch(w, reason, delay));
            return;
        }
        if (!current) {
            link.send(DsoMessage.unsubscribe(topic.id).toWire());
            return;
        }
        topic.acknowledged = true;
        List.copyOf(topic.watches).forEach(this::acknowledged);
    }

    /** The watch's name is subscribed: changes arrive from now on; its full answer set is read next. */
    private void acknowledged(PushSubscription watch) {
        watch.state = PushSubscription.State.SYNCING;
        watch.heldWhileSyncing.clear();
        watch.events.established();
        if (watch.state == PushSubscription.State.SYNCING) {
            backlog.add(watch);
            pump();
        }
    }

    /** This watch alone cannot use DNS Push (its SUBSCRIBE refused): it falls back, the others stay. */
    private void failWatch(PushSubscription watch, String reason, long retryAfterMillis) {
        remove(watch);
        watch.events.failed(reason, retryAfterMillis, false);
    }

    /** Adopts the server's timers; false (and the session aborted) when the keepalive interval is below 10 s. */
    private boolean adoptKeepalive(DsoMessage.Tlv keepalive) {
        if (keepalive.data().length != 8) {
            lost("the DNS Push server sent a malformed Keepalive TLV", 0, false);
            return false;
        }
        ByteBuffer data = ByteBuffer.wrap(keepalive.data());
        long inactivity = Integer.toUnsignedLong(data.getInt());
        long interval = Integer.toUnsignedLong(data.getInt());
        if (interval < MIN_KEEPALIVE_MILLIS) {
            lost("the DNS Push server set a keepalive interval of " + interval + " ms, below the 10 s minimum",
                    0, false);
            return false;
        }
        keepaliveMillis = interval;
        inactivityMillis = inactivity;
        return true;
    }

    /**
     * RFC 8490 §7.1: within the server's keepalive interval, and within half its inactivity timeout (a
     * finite, non-zero one), so that the server never counts this session idle; at least every minute.
     */
    long probeMillis() {
        long probe = Math.min(keepaliveMillis, MAX_PROBE_MILLIS);
        if (inactivityMillis > 0 && inactivityMillis != NO_TIMEOUT) {
            probe = Math.min(probe, inactivityMillis / 2);
        }
        return Math.max(probe, MIN_PROBE_MILLIS);
    }

    private void scheduleKeepalive() {
        keepaliveTimer.cancel();
        keepaliveTimer = scheduler.schedule(this::keepalive, Duration.ofMillis(probeMillis()));
    }

    /** A server that leaves a keepalive unanswered until the next is due is gone (RFC 8490 §7.1). */
    private void keepalive() {
        if (keepaliveOutstanding) {
            lost("the DNS Push server stopped answering keepalives", 0, false);
            return;
        }
        keepaliveOutstanding = true;
        send(DsoMessage.keepalive(track(KEEPALIVE), PROPOSED_INACTIVITY_MILLIS, PROPOSED_KEEPALIVE_MILLIS).toWire());
        scheduleKeepalive();
    }

    private void onPush(List<PushChange> changes) {
        for (PushChange change : changes) {
            Record record = change.record();
            if (change.ttl() == PushChange.COLLECTIVE_REMOVE) {
                boolean anyType = record.getType() == Type.ANY || record.getDClass() == DClass.ANY;
                for (Topic topic : topicsAt(record.getName())) {
                    if (anyType || topic.type == record.getType() || topic.type == Type.ANY) {
                        deliver(topic, w -> w.events.removedAll(told -> anyType || told.type() == record.getType()));
                    }
                }
                continue;
            }
            WatchedRecord watched = Records.watched(record, change.isAdd() ? change.ttl() : 0);
            for (Topic topic : topicsAt(record.getName())) {
                if (topic.type == record.getType() || topic.type == Type.ANY) {
                    deliver(topic, change.isAdd() ? w -> w.events.added(watched) : w -> w.events.removed(watched));
                }
            }
        }
    }

    private List<Topic> topicsAt(Name name) {
        return topics.values().stream().filter(t -> t.name.equals(name)).toList();
    }

    /**
     * To the watches whose SUBSCRIBE is acknowledged; held for those still reading their answer set (the answer
     * and a change may cross on the server); the others learn everything from their answer set.
     */
    private static void deliver(Topic topic, Consumer<PushSubscription> event) {
        for (PushSubscription watch : List.copyOf(topic.watches)) {
            if (watch.state == PushSubscription.State.LIVE) {
                event.accept(watch);
            } else if (watch.state == PushSubscription.State.SYNCING
                    && watch.heldWhileSyncing.size() <= MAX_HELD_CHANGES) {
                watch.heldWhileSyncing.add(event);
            }
        }
    }

    /**
     * The session ended. Up before, it is opened again after the backoff and its watches wait; never up, DNS
     * Push is not available now and every watch fails (and falls back).
     */
    private void lost(String reason, long retryAfterMillis, boolean trustFailure) {
        if (state == State.IDLE || state == State.WAITING || state == State.CLOSED) {
            return;
        }
        if (state != State.READY || topics.isEmpty()) {
            List<PushSubscription> watches = watches();
            topics.clear();
            release(State.IDLE);
            watches.forEach(w -> {
                w.state = PushSubscription.State.CLOSED;
                w.events.failed(reason, retryAfterMillis, trustFailure);
            });
            return;
        }
        if (clock.millis() - readySince >= HEALTHY_MILLIS) {
            backoff.reset();
        }
        long delay = Math.max(backoff.next().toMillis(), retryAfterMillis);
        log.info("Lost the DNS Push session with {} subscription(s) ({}); opening it again in {} ms", topics.size(),
                reason, delay);
        interruptAll(reason);
        release(State.WAITING);
        reconnectTimer = scheduler.schedule(this::connect, Duration.ofMillis(delay));
    }

    private void interruptAll(String reason) {
        for (Topic topic : topics.values()) {
            topic.id = 0;
            topic.acknowledged = false;
        }
        for (PushSubscription watch : watches()) {
            boolean told = watch.state == PushSubscription.State.SYNCING || watch.state == PushSubscription.State.LIVE;
            watch.state = PushSubscription.State.WAITING;
            if (told) {
                watch.events.interrupted(reason);
            }
        }
    }

    /** Drops the link, the timers and every request under way. */
    private void release(State next) {
        state = next;
        generation++;
        pending.clear();
        backlog.clear();
        inFlight = 0;
        keepaliveOutstanding = false;
        responseTimer.cancel();
        keepaliveTimer.cancel();
        reconnectTimer.cancel();
        if (link != null) {
            link.close();
            link = null;
        }
    }
}
