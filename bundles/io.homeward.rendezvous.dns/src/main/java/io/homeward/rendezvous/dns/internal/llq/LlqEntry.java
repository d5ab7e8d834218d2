package io.homeward.rendezvous.dns.internal.llq;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.xbill.DNS.Name;

import io.homeward.api.dns.DnsResponder;
import io.homeward.rendezvous.dns.internal.tsig.SigningKey;
import io.homeward.rendezvous.dns.internal.watch.Question;

/** One long-lived query the server holds (RFC 8764 §5.2 server states), guarded by the {@link LlqServer}. */
final class LlqEntry {
    enum State { CHALLENGED, ESTABLISHED }

    final long id;
    final Question question;
    final Name zone;
    /** The name of the key that set it up; only that key refreshes it. */
    final Name keyName;
    final SigningKey key;
    final DnsResponder responder;
    /** Events sent over UDP and not yet acknowledged, by message ID. */
    final Map<Integer, PendingEvent> pending = new LinkedHashMap<>();
    State state;
    long grantedLease;
    /** When the lease ends, or while challenged, when the unanswered challenge is forgotten. */
    Instant expires;
    Instant lastEvent;

    LlqEntry(long id, Question question, Name zone, Name keyName, SigningKey key, DnsResponder responder,
            long grantedLease) {
        this.id = id;
        this.question = question;
        this.zone = zone;
        this.keyName = keyName;
        this.key = key;
        this.responder = responder;
        this.grantedLease = grantedLease;
        this.state = State.CHALLENGED;
    }

    boolean established() {
        return state == State.ESTABLISHED;
    }

    boolean from(DnsResponder other) {
        return responder.client().equals(other.client());
    }

    long remainingSeconds(Instant now) {
        return Math.max(0, expires.getEpochSecond() - now.getEpochSecond());
    }

    /** An event on its way: the signed bytes (resent unchanged), transmissions so far, when to try again. */
    static final class PendingEvent {
        final byte[] wire;
        int transmissions = 1;
        Instant next;

        PendingEvent(byte[] wire, Instant next) {
            this.wire = wire;
            this.next = next;
        }
    }
}
