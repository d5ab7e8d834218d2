package io.homeward.watcher.internal.session;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;

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
 * One DNS Push subscription (RFC 8765) on its own DSO session (RFC 8490) over TLS.
 * <ol>
 * <li>An SOA query for the user's zone with a client cookie gets the server cookie of this connection
 * (RFC 7873); the SOA query signed with the user's key and carrying both cookies binds the connection to the
 * user's zone (DSO messages cannot carry TSIG, RFC 8490 §5.4.4), and cannot be replayed on any other
 * connection. A server that sends no cookie gets the signed query without one.</li>
 * <li>A Keepalive request establishes the session and learns the server's timers (§7.1).</li>
 * <li>SUBSCRIBE; then a signed ordinary query gives the full answer set, which reconciles what the
 * listener was told before (initial PUSHes before it are ordinary changes).</li>
 * </ol>
 */
public final class PushSession implements MechanismSession, Link.Receiver {
    /** RFC 8490 §6.2: no response to a DSO request within 30 s means the server's state is unknown. */
    static final long RESPONSE_MILLIS = 30_000;
    /** We ask for these (RFC 8490 §7.1); the server's answer decides. */
    static final long PROPOSED_INACTIVITY_MILLIS = 15_000;
    static final long PROPOSED_KEEPALIVE_MILLIS = 60_000;
    /** RFC 8490 §7.1.1: a keepalive interval below 10 s is a protocol error. */
    static final long MIN_KEEPALIVE_MILLIS = 10_000;
    /** We probe the server at least this often, to notice a silent server restart. */
    static final long MAX_PROBE_MILLIS = 60_000;

    private enum State { CONNECTING, CHALLENGING, AUTHENTICATING, STARTING_SESSION, SUBSCRIBING, SYNCING, ESTABLISHED, CLOSED }

    private final Name name;
    private final int type;
    private final Name zone;
    private final LinkOpener opener;
    private final TsigSigner signer;
    private final Scheduler scheduler;
    private final Random random;
    private final SessionEvents events;
    private final Logger log;

    private State state = State.CONNECTING;
    private final byte[] clientCookie = new byte[PushBinding.CLIENT_COOKIE_BYTES];
    private Link link;
    private int pendingId;
    private int subscriptionId;
    private TSIGRecord queryTsig;
    private boolean keepaliveOutstanding;
    private long keepaliveMillis = PROPOSED_KEEPALIVE_MILLIS;
    private Scheduler.Scheduled timer = () -> { };

    public PushSession(Name name, int type, Name zone, LinkOpener opener, TsigSigner signer, Scheduler scheduler, Random random,
            SessionEvents events, Logger log) {
        this.name = name;
        this.type = type;
        this.zone = zone;
        this.opener = opener;
        this.signer = signer;
        this.scheduler = scheduler;
        this.random = random;
        this.events = events;
        this.log = log;
    }

    @Override
    public void start() {
        opener.open(this).onSuccess(value -> {
            if (state == State.CLOSED) {
                value.close();
                return;
            }
            link = value;
            state = State.CHALLENGING;
            random.nextBytes(clientCookie);
            Message challenge = PushBinding.challenge(zone, clientCookie);
            challenge.getHeader().setID(pendingId = nextId());
            send(challenge.toWire());
        }).onFailure(reason -> fail(reason.getMessage(), 0, reason instanceof FingerprintMismatchException));
    }

    private void sendSigned(Message query) {
        query.getHeader().setID(pendingId = nextId());
        byte[] wire = signer.sign(query);
        queryTsig = query.getTSIG();
        send(wire);
    }

    private void sendRequest(DsoMessage request) {
        pendingId = request.id();
        send(request.toWire());
    }

    private void send(byte[] wire) {
        link.send(wire);
        timer.cancel();
        timer = scheduler.schedule(() -> fail("the DNS Push server did not answer within 30 s", 0, false),
                Duration.ofMillis(RESPONSE_MILLIS));
    }

    private int nextId() {
        return 1 + random.nextInt(0xFFFF);
    }

    @Override
    public void received(byte[] wire) {
        if (state == State.CLOSED || state == State.CONNECTING) {
            return;
        }
        try {
            if (DsoMessage.isDso(wire)) {
                onDso(DsoMessage.parse(wire));
            } else {
                onQueryResponse(new Message(wire), wire);
            }
        } catch (IllegalArgumentException | BufferUnderflowException | IOException e) {
            fail("the DNS Push server sent a malformed message: " + e, 0, false);
        }
    }

    private void onQueryResponse(Message response, byte[] wire) {
        if (response.getHeader().getID() != pendingId) {
            return;
        }
        int rcode = response.getRcode();
        if (rcode == Rcode.REFUSED || rcode == Rcode.NOTAUTH) {
            fail("the DNS Push server refused our key for " + zone + " (" + Rcode.string(rcode) + ")",
                    RetryDelays.forRcode(rcode), false);
        } else if (state == State.CHALLENGING && rcode != Rcode.NOERROR) {
            fail("the DNS Push server answered " + Rcode.string(rcode) + " to the SOA query for " + zone,
                    RetryDelays.forRcode(rcode), false);
        } else if (state == State.CHALLENGING) {
            state = State.AUTHENTICATING;
            sendSigned(PushBinding.proof(zone, clientCookie, PushBinding.serverCookie(response, clientCookie)));
        } else if (!signer.verify(response, wire, queryTsig)) {
            fail("the DNS Push server's answer is not signed with our key", 0, false);
        } else if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            fail("the DNS Push server answered " + Rcode.string(rcode), RetryDelays.forRcode(rcode), false);
        } else if (state == State.AUTHENTICATING) {
            state = State.STARTING_SESSION;
            sendRequest(DsoMessage.keepalive(nextId(), PROPOSED_INACTIVITY_MILLIS, PROPOSED_KEEPALIVE_MILLIS));
        } else if (state == State.SYNCING) {
            timer.cancel();
            state = State.ESTABLISHED;
            events.answers(response.getSection(Section.ANSWER).stream()
                    .map(record -> Records.watched(record, record.getTTL())).toList());
            scheduleKeepalive();
        }
    }

    private void onDso(DsoMessage message) {
        if (message.response()) {
            onDsoResponse(message);
        } else if (message.id() != 0) {
            fail("the DNS Push server sent us a DSO request, which clients do not serve", 0, false);
        } else if (message.primaryType() == DsoMessage.PUSH) {
            onPush(PushChange.parse(message.tlvs().get(0)));
        } else if (message.primaryType() == DsoMessage.RETRY_DELAY) {
            long delay = Integer.toUnsignedLong(ByteBuffer.wrap(message.tlvs().get(0).data()).getInt());
            fail("the DNS Push server asked us to go away for " + delay + " ms", delay, false);
        } else if (message.primaryType() == DsoMessage.KEEPALIVE) {
            adoptKeepalive(message.tlvs().get(0));
        } else {
            fail("the DNS Push server sent an unknown unidirectional DSO type " + message.primaryType(), 0, false);
        }
    }

    private void onDsoResponse(DsoMessage response) {
        if (state == State.ESTABLISHED || state == State.SYNCING) {
            keepaliveOutstanding = false;
            return;
        }
        if (response.id() != pendingId) {
            return;
        }
        if (response.rcode() != Rcode.NOERROR) {
            DsoMessage.Tlv retry = response.first(DsoMessage.RETRY_DELAY);
            long delay = retry != null && retry.data().length == 4
                    ? Integer.toUnsignedLong(ByteBuffer.wrap(retry.data()).getInt())
                    : RetryDelays.forRcode(response.rcode());
            fail("the DNS Push server answered " + Rcode.string(response.rcode()) + " to our "
                    + (state == State.SUBSCRIBING ? "SUBSCRIBE" : "session start"), delay, false);
        } else if (state == State.STARTING_SESSION) {
            DsoMessage.Tlv keepalive = response.first(DsoMessage.KEEPALIVE);
            if (keepalive == null || adoptKeepalive(keepalive)) {
                state = State.SUBSCRIBING;
                subscriptionId = nextId();
                sendRequest(DsoMessage.subscribe(subscriptionId, name, type, DClass.IN));
            }
        } else if (state == State.SUBSCRIBING) {
            state = State.SYNCING;
            events.established();
            Message query = new Message();
            query.addRecord(Record.newRecord(name, type, DClass.IN), Section.QUESTION);
            sendSigned(query);
        }
    }

    /** Adopts the server's keepalive interval; false (and the session aborted) when it is below 10 s. */
    private boolean adoptKeepalive(DsoMessage.Tlv keepalive) {
        if (keepalive.data().length != 8) {
            fail("the DNS Push server sent a malformed Keepalive TLV", 0, false);
            return false;
        }
        long interval = Integer.toUnsignedLong(ByteBuffer.wrap(keepalive.data(), 4, 4).getInt());
        if (interval < MIN_KEEPALIVE_MILLIS) {
            fail("the DNS Push server set a keepalive interval of " + interval + " ms, below the 10 s minimum",
                    0, false);
            return false;
        }
        keepaliveMillis = Math.min(interval, MAX_PROBE_MILLIS);
        return true;
    }

    private void scheduleKeepalive() {
        timer.cancel();
        timer = scheduler.schedule(this::keepalive, Duration.ofMillis(keepaliveMillis));
    }

    /** Sends the keepalive the server needs (RFC 8490 §7.1); an unanswered previous one means the server is gone. */
    private void keepalive() {
        if (keepaliveOutstanding) {
            fail("the DNS Push server stopped answering keepalives", 0, false);
            return;
        }
        keepaliveOutstanding = true;
        link.send(DsoMessage.keepalive(nextId(), PROPOSED_INACTIVITY_MILLIS, PROPOSED_KEEPALIVE_MILLIS).toWire());
        scheduleKeepalive();
    }

    private void onPush(List<PushChange> changes) {
        if (state != State.SYNCING && state != State.ESTABLISHED) {
            fail("the DNS Push server sent PUSH before our subscription", 0, false);
            return;
        }
        for (PushChange change : changes) {
            Record record = change.record();
            if (!record.getName().equals(name)) {
                continue;
            }
            if (change.ttl() == PushChange.COLLECTIVE_REMOVE) {
                boolean anyType = record.getType() == Type.ANY || record.getDClass() == DClass.ANY;
                events.removedAll(told -> anyType || told.type() == record.getType());
            } else if (record.getType() == type || type == Type.ANY) {
                WatchedRecord watched = Records.watched(record, change.isAdd() ? change.ttl() : 0);
                if (change.isAdd()) {
                    events.added(watched);
                } else {
                    events.removed(watched);
                }
            }
        }
    }

    @Override
    public void closed(String reason) {
        fail("the DNS Push connection closed: " + reason, 0, false);
    }

    /** RFC 8765 §6.4: UNSUBSCRIBE, then a graceful close. */
    @Override
    public void close() {
        if (state == State.SYNCING || state == State.ESTABLISHED) {
            link.send(DsoMessage.unsubscribe(subscriptionId).toWire());
        }
        release();
    }

    private void fail(String reason, long retryAfterMillis, boolean trustFailure) {
        if (state != State.CLOSED) {
            release();
            events.failed(reason, retryAfterMillis, trustFailure);
        }
    }

    private void release() {
        state = State.CLOSED;
        timer.cancel();
        if (link != null) {
            link.close();
        }
    }
}
