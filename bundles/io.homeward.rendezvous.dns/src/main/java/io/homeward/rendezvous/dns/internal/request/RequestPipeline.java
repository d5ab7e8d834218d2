package io.homeward.rendezvous.dns.internal.request;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.osgi.service.log.Logger;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.api.dns.DnsRequestHandler;
import io.homeward.api.dns.DnsResponder;
import io.homeward.kit.dns.wire.DsoMessage;
import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.kit.log.CountedLog;
import io.homeward.kit.net.RateLimiter;
import io.homeward.rendezvous.dns.internal.llq.LlqServer;
import io.homeward.rendezvous.dns.internal.push.PushServer;
import io.homeward.rendezvous.dns.internal.query.AnswerCache;
import io.homeward.rendezvous.dns.internal.response.EdnsPolicy;
import io.homeward.rendezvous.dns.internal.response.ResponseWriter;
import io.homeward.rendezvous.dns.internal.tsig.TsigOutcome;
import io.homeward.rendezvous.dns.internal.tsig.TsigReplayCache;
import io.homeward.rendezvous.dns.internal.tsig.TsigVerifier;
import io.homeward.rendezvous.dns.internal.update.UpdateProcessor;
import io.homeward.rendezvous.dns.internal.update.UpdateResult;
import io.homeward.rendezvous.dns.internal.zone.ZoneStore;

/**
 * The way of every DNS message the transports hand over: repeated questions are answered from the cache, DSO
 * messages (RFC 8490) go to the push server, LLQ event acknowledgements and LLQ requests (RFC 8764) to the LLQ
 * server; the rest is checked (EDNS, OPCODE, the UPDATE rate per address, TSIG, for signed UPDATEs and LLQs over a
 * stream that their MAC was not used before, the UPDATE rate per key) and answered as a QUERY or an UPDATE. Malformed
 * input gets FORMERR (or is dropped when not even the header is there); nothing escapes {@link #handle}. Refusals an
 * unauthenticated sender can provoke are logged counted ({@link CountedLog}).
 */
public final class RequestPipeline implements DnsRequestHandler {
    private final ZoneStore store;
    private final AnswerCache answers;
    private final RateLimiter<InetAddress> limiter;
    private final RateLimiter<Name> keyLimiter;
    private final TsigVerifier verifier;
    private final QueryResponder queries;
    private final UpdateProcessor updates;
    private final LlqServer llq;
    private final PushServer push;
    private final TsigReplayCache replays;
    private final ResponseWriter writer;
    private final Logger log;
    private final CountedLog refusals;

    /**
     * @param limiter    the UPDATE rate per client address
     * @param keyLimiter the UPDATE rate per TSIG key, wherever it comes from
     * @param replays    the MACs of the signed messages already seen
     * @param refusals   where refusals an unauthenticated client can provoke are logged, counted
     */
    public RequestPipeline(ZoneStore store, AnswerCache answers, RateLimiter<InetAddress> limiter,
            RateLimiter<Name> keyLimiter, TsigVerifier verifier, QueryResponder queries, UpdateProcessor updates,
            LlqServer llq, PushServer push, TsigReplayCache replays, ResponseWriter writer, Logger log,
            CountedLog refusals) {
        this.store = store;
        this.answers = answers;
        this.limiter = limiter;
        this.keyLimiter = keyLimiter;
        this.verifier = verifier;
        this.queries = queries;
        this.updates = updates;
        this.llq = llq;
        this.push = push;
        this.replays = replays;
        this.writer = writer;
        this.log = log;
        this.refusals = refusals;
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
                llqAcknowledgement(message, responder);
            }
        } catch (IOException | RuntimeException e) {
            log.error("Failed to answer a DNS message from {}", responder.client(), e);
            if (header != null) {
                answerServerFailure(header, responder);
            }
        }
    }

    /** A response sent to the server can only be an LLQ event acknowledgement; anything else is dropped. */
    private void llqAcknowledgement(byte[] message, DnsResponder responder) {
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
            refusals.info("UPDATEs over the rate limit", responder.client().getAddress(),
                    "Refused an UPDATE from {}: over the rate limit", responder.client());
            writer.sendRcode(header, request, Rcode.REFUSED, null, responder);
            return;
        }
        TsigOutcome tsig = null;
        if (request.getTSIG() != null) {
            tsig = verifier.verify(request, wire);
            if (tsig.malformed()) {
                refusals.info("TSIG failures", responder.client().getAddress(),
                        "FORMERR to {}: the TSIG MAC of key {} has {} bytes, outside what RFC 8945 §5.2.2.1 allows",
                        responder.client(), tsig.keyName(), tsig.request().getSignature().length);
                writer.sendRcode(header, request, Rcode.FORMERR, null, responder);
                return;
            }
            if (!tsig.verified()) {
                refusals.info("TSIG failures", responder.client().getAddress(),
                        "TSIG check failed for key {} from {}: {}", tsig.keyName(), responder.client(),
                        Rcode.TSIGstring(tsig.error()));
                writer.sendRcode(header, request, Rcode.NOTAUTH, tsig, responder);
                return;
            }
        }
        // A MAC seen before is a replay: it neither authenticates the connection nor reaches UPDATE or LLQ.
        boolean replayed = tsig != null && !replays.firstUse(tsig);
        if (tsig != null && !replayed) {
            responder.markAuthenticated();
        }
        if (opcode == Opcode.UPDATE && tsig != null && !replayed && !keyLimiter.allow(tsig.keyName())) {
            refusals.info("UPDATEs over the per-key rate limit", responder.client().getAddress(),
                    "Refused an UPDATE with key {} from {}: over the per-key rate limit", tsig.keyName(),
                    responder.client());
            writer.sendRcode(header, request, Rcode.REFUSED, tsig, responder);
            return;
        }
        if (opcode == Opcode.UPDATE) {
            update(header, request, tsig, replayed, responder);
        } else if (!llq(header, request, opt, tsig, replayed, responder)) {
            queries.answer(header, request, tsig, responder);
        }
    }

    /** Acknowledges an UPDATE only once its change is durable (group commit: one flush for every update waiting). */
    private void update(Header header, Message request, TsigOutcome tsig, boolean replayed, DnsResponder responder) {
        if (replayed) {
            refusals.info("replayed UPDATEs", responder.client().getAddress(),
                    "Refused an UPDATE from {} signed by {}: its MAC was used before (a replay)", responder.client(),
                    tsig.keyName());
            writer.sendRcode(header, request, Rcode.REFUSED, tsig, responder);
            return;
        }
        UpdateResult result = updates.process(request, tsig, responder.client().getAddress());
        List<EDNSOption> options = result.rcode() == Rcode.NOERROR
                ? result.granted().map(g -> List.of(g.toOption())).orElse(List.of())
                : List.of();
        result.durable()
                .onSuccess(durable -> answerUpdate(header, request, result.rcode(), options, tsig, responder))
                .onFailure(failure -> answerUpdate(header, request, Rcode.SERVFAIL, List.of(), tsig, responder));
    }

    private void answerUpdate(Header header, Message request, int rcode, List<EDNSOption> options, TsigOutcome tsig,
            DnsResponder responder) {
        try {
            writer.send(request, ResponseWriter.reply(header, request), rcode, options, tsig, responder);
        } catch (RuntimeException e) {
            log.error("Acknowledging an UPDATE from {} failed", responder.client(), e);
        }
    }

    /** Hands a query with an LLQ option to the LLQ server; false for any other query. */
    private boolean llq(Header header, Message request, OPTRecord opt, TsigOutcome tsig, boolean replayed,
            DnsResponder responder) {
        Optional<LlqOption> option;
        try {
            option = LlqOption.from(opt);
        } catch (IllegalArgumentException e) {
            log.debug("FORMERR to {}: {}", responder.client(), e.getMessage());
            writer.sendRcode(header, request, Rcode.FORMERR, tsig, responder);
            return true;
        }
        if (option.isPresent() && replayed && responder.transport().isStream()) {
            // Over UDP the challenge proves the client (RFC 8764 §5.2), over a stream nothing else would.
            refusals.info("replayed LLQs", responder.client().getAddress(),
                    "Refused an LLQ from {} signed by {}: its MAC was used before (a replay)", responder.client(),
                    tsig.keyName());
            writer.sendRcode(header, request, Rcode.REFUSED, tsig, responder);
            return true;
        }
        option.ifPresent(o -> underReadLock(() -> llq.handle(request, header, o, tsig, responder)));
        return option.isPresent();
    }

    /*
     * Lock order: the zone store's lock before the LLQ or push server's monitor. Answering a setup or SUBSCRIBE
     * reads the store with the monitor held, so the read lock is taken first here.
     */
    private void underReadLock(Runnable action) {
        store.read(() -> {
            action.run();
            return null;
        });
    }
}
