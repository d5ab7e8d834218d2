package io.homeward.watcher.internal.session;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.osgi.service.log.Logger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIGRecord;

import io.homeward.api.watch.WatchedRecord;
import io.homeward.kit.dns.FingerprintMismatchException;
import io.homeward.kit.dns.TsigSigner;
import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.watcher.internal.net.Link;
import io.homeward.watcher.internal.net.LinkOpener;
import io.homeward.watcher.internal.wire.LlqMessages;
import io.homeward.watcher.internal.wire.RawTtls;
import io.homeward.watcher.internal.wire.Records;

/**
 * The client side of one long-lived query (RFC 8764). Over UDP: the four-way handshake with
 * retransmission; over TLS: setup and ACK only (the stream proves the address). Then
 * refreshes at 80 % ± 5 % of the granted lease and acknowledges every event. Every message is
 * TSIG-signed; replies and events that do not verify are ignored.
 */
public final class LlqSession implements MechanismSession, Link.Receiver {
    /** Apple's client waits 2 s before the first retransmission, then 4 s, then gives up; so does this one. */
    static final long RESEND_MILLIS = 2_000;
    static final int MAX_TRIES = 3;
    /** Over a stream nothing is retransmitted; this long without a reply means the server is not doing LLQ. */
    static final long STREAM_REPLY_MILLIS = 10_000;

    private enum State { CONNECTING, SETUP, CHALLENGE, ESTABLISHED, CLOSED }

    private final Name name;
    private final int type;
    private final LinkOpener opener;
    private final boolean stream;
    private final TsigSigner signer;
    private final long requestedLease;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Random random;
    private final SessionEvents events;
    private final Logger log;
    private final List<TSIGRecord> outstanding = new ArrayList<>();

    private State state = State.CONNECTING;
    private Link link;
    private int messageId;
    private long llqId;
    private int tries;
    private boolean refreshing;
    private Scheduler.Scheduled timer = () -> { };

    public LlqSession(Name name, int type, LinkOpener opener, boolean stream, TsigSigner signer, long requestedLease,
            Scheduler scheduler, Clock clock, Random random, SessionEvents events, Logger log) {
        this.name = name;
        this.type = type;
        this.opener = opener;
        this.stream = stream;
        this.signer = signer;
        this.requestedLease = requestedLease;
        this.scheduler = scheduler;
        this.clock = clock;
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
            messageId = random.nextInt(0x10000);
            state = State.SETUP;
            send(LlqOption.of(LlqOption.SETUP, 0, requestedLease), "setup");
        }).onFailure(reason -> fail(reason.getMessage(), reason instanceof FingerprintMismatchException));
    }

    private void send(LlqOption option, String step) {
        if (tries == 0) {
            outstanding.clear();
        }
        tries++;
        Message request = LlqMessages.request(messageId, name, type, option);
        byte[] wire = signer.sign(request);
        outstanding.add(request.getTSIG());
        link.send(wire);
        timer.cancel();
        long wait = stream ? STREAM_REPLY_MILLIS : RESEND_MILLIS * tries;
        timer = scheduler.schedule(() -> noReply(option, step), Duration.ofMillis(wait));
    }

    private void noReply(LlqOption option, String step) {
        if (!stream && tries < MAX_TRIES) {
            send(option, step);
        } else {
            fail("no answer to the LLQ " + step + " for " + name + " after " + tries + " attempt(s)", false);
        }
    }

    @Override
    public void received(byte[] wire) {
        if (state == State.CLOSED || state == State.CONNECTING) {
            return;
        }
        try {
            dispatch(new Message(wire), wire);
        } catch (IOException | IllegalArgumentException e) {
            log.debug("Ignoring a malformed message from the LLQ server: {}", e.getMessage());
        }
    }

    private void dispatch(Message message, byte[] wire) {
        LlqOption option = LlqOption.find(message).orElse(null);
        if (!message.getHeader().getFlag(Flags.QR)) {
            log.debug("Ignoring a request from the LLQ server");
        } else if (option != null && option.opcode() == LlqOption.EVENT) {
            onEvent(message, wire, option);
        } else if (message.getHeader().getID() == messageId) {
            onReply(message, wire, option);
        }
    }

    /** {@code option} is null when the server ignored ours (a server without LLQ). */
    private void onReply(Message reply, byte[] wire, LlqOption option) {
        if (outstanding.stream().noneMatch(request -> signer.verify(reply, wire, request))) {
            log.info("Ignoring an LLQ reply for {} that is not signed with our key (rcode {})", name,
                    Rcode.string(reply.getRcode()));
            return;
        }
        int rcode = reply.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            fail("the LLQ server answered " + Rcode.string(rcode) + " for " + name, false);
        } else if (option == null) {
            fail("the server answered without an LLQ option: it does not support LLQ", false);
        } else if (option.version() != LlqOption.VERSION) {
            fail("the LLQ server speaks LLQ version " + option.version() + ", we speak 1", false);
        } else if (option.error() == LlqOption.NO_SUCH_LLQ) {
            fail("the LLQ server no longer knows our LLQ for " + name + " (LLQ error 4, it may have restarted)", false);
        } else if (option.error() != LlqOption.NO_ERROR) {
            fail("the LLQ server refused " + name + " with LLQ error " + option.error(), false);
        } else if (state == State.SETUP && option.opcode() == LlqOption.SETUP) {
            if (stream) {
                establish(reply, wire, option);
            } else {
                llqId = option.id();
                state = State.CHALLENGE;
                tries = 0;
                send(LlqOption.of(LlqOption.SETUP, llqId, option.leaseSeconds()), "challenge response");
            }
        } else if (state == State.CHALLENGE && option.opcode() == LlqOption.SETUP && option.id() == llqId) {
            establish(reply, wire, option);
        } else if (state == State.ESTABLISHED && refreshing && option.opcode() == LlqOption.REFRESH
                && option.id() == llqId) {
            refreshing = false;
            scheduleRefresh(option.leaseSeconds());
        }
    }

    private void establish(Message ack, byte[] wire, LlqOption option) {
        llqId = option.id();
        state = State.ESTABLISHED;
        events.established();
        events.answers(changes(ack, wire).stream().map(Change::record).toList());
        scheduleRefresh(option.leaseSeconds());
    }

    /**
     * A server that restarted has forgotten every LLQ and cannot tell a UDP client so (a stream client
     * sees its connection drop). Refreshing over UDP at least this often bounds how long such a watcher
     * misses changes: the refresh gets NO-SUCH-LLQ or no answer, and a new setup follows.
     */
    static final long UDP_REFRESH_CAP_MILLIS = 300_000;

    /**
     * RFC 8764 §7: refresh when about 80 % of the lease is used; ± 5 % keeps clients apart. Over UDP
     * never later than {@link #UDP_REFRESH_CAP_MILLIS}.
     */
    private void scheduleRefresh(long leaseSeconds) {
        timer.cancel();
        if (leaseSeconds <= 0) {
            fail("the LLQ server granted no lease for " + name, false);
            return;
        }
        long leaseMillis = leaseSeconds * 1000;
        events.leaseExpires(clock.millis() + leaseMillis);
        long delay = (long) (leaseMillis * (0.75 + random.nextDouble() * 0.10));
        timer = scheduler.schedule(this::refresh,
                Duration.ofMillis(stream ? delay : Math.min(delay, UDP_REFRESH_CAP_MILLIS)));
    }

    private void refresh() {
        refreshing = true;
        tries = 0;
        send(LlqOption.of(LlqOption.REFRESH, llqId, requestedLease), "refresh");
    }

    /** RFC 8764 §6.2: acknowledge every event, even a repeated one; the view ignores repeats. */
    private void onEvent(Message event, byte[] wire, LlqOption option) {
        if (state != State.ESTABLISHED || option.id() != llqId) {
            log.debug("Ignoring an event for LLQ-ID {} (ours is {})", Long.toUnsignedString(option.id()),
                    Long.toUnsignedString(llqId));
            return;
        }
        if (!signer.verify(event, wire, null)) {
            log.warn("Dropping an LLQ event for {} that is not signed with our key", name);
            return;
        }
        link.send(signer.signResponse(LlqMessages.acknowledgement(event, option), event.getTSIG()));
        for (Change change : changes(event, wire)) {
            if (change.removed()) {
                events.removed(change.record());
            } else {
                events.added(change.record());
            }
        }
    }

    private List<Change> changes(Message message, byte[] wire) {
        long[] ttls = RawTtls.answers(wire);
        List<Record> answers = message.getSection(Section.ANSWER);
        List<Change> changes = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size() && i < ttls.length; i++) {
            boolean removed = ttls[i] == RawTtls.REMOVE;
            changes.add(new Change(Records.watched(answers.get(i), removed ? 0 : ttls[i]), removed));
        }
        return changes;
    }

    @Override
    public void closed(String reason) {
        fail("the LLQ link for " + name + " closed: " + reason, false);
    }

    /** Ends the LLQ with a lease-0 refresh (RFC 8764 §7.1), sent once without waiting for the reply. */
    @Override
    public void close() {
        if (state == State.ESTABLISHED) {
            Message goodbye = LlqMessages.request(messageId, name, type, LlqOption.of(LlqOption.REFRESH, llqId, 0));
            link.send(signer.sign(goodbye));
        }
        release();
    }

    private void fail(String reason, boolean trustFailure) {
        if (state != State.CLOSED) {
            release();
            events.failed(reason, 0, trustFailure);
        }
    }

    private void release() {
        state = State.CLOSED;
        timer.cancel();
        if (link != null) {
            link.close();
        }
    }

    private record Change(WatchedRecord record, boolean removed) {
    }
}
