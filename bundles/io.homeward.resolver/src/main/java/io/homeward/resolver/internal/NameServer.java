package io.homeward.resolver.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

import io.homeward.kit.log.CountedLog;
import io.homeward.kit.net.RateLimiter;

/**
 * One DNS message in, at most one out, whatever the transport: over the per-source rate, dropped; unparsable,
 * FORMERR; otherwise {@link LocalAnswers} decides, and what it forwards goes to the rendezvous on the forwarding
 * threads, whose bounded queue, when full, makes it SERVFAIL at once. Safe on any number of threads.
 */
final class NameServer {
    /** The largest query read; real ones are far smaller (one question, perhaps EDNS and a cookie). */
    static final int MAX_QUERY = 4096;

    /** Where the response goes; may be called on another thread than the one that handed the query in. */
    @FunctionalInterface
    interface Reply {
        void send(byte[] response);
    }

    private final Supplier<Optional<ZoneView>> view;
    private final Supplier<Optional<SignedIn>> signedIn;
    private final ZoneSoa soa;
    private final Forwarder forwarder;
    private final Executor forwarding;
    private final RateLimiter<InetAddress> limiter;
    private final ServedCounters counters;
    private final CountedLog log;

    NameServer(Supplier<Optional<ZoneView>> view, Supplier<Optional<SignedIn>> signedIn, ZoneSoa soa,
            Forwarder forwarder, Executor forwarding, RateLimiter<InetAddress> limiter, ServedCounters counters,
            CountedLog log) {
        this.view = view;
        this.signedIn = signedIn;
        this.soa = soa;
        this.forwarder = forwarder;
        this.forwarding = forwarding;
        this.limiter = limiter;
        this.counters = counters;
        this.log = log;
    }

    /**
     * @param stream true over TCP (responses up to 65,535 octets), false over UDP (the query's EDNS size, at
     *               most 1,232, else 512, truncated with TC beyond: RFC 1035 §4.2.1, RFC 6891 §7)
     */
    void handle(byte[] wire, InetAddress source, boolean stream, Reply reply) {
        if (!limiter.allow(source)) {
            counters.rateLimited();
            return;
        }
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException e) {
            formatError(wire, reply);
            return;
        }
        Decision decision = LocalAnswers.decide(query, view.get(), soa.current());
        if (decision instanceof Decision.Reply answer) {
            send(query, answer, stream, reply);
        } else if (decision instanceof Decision.Forward) {
            forward(query, source, stream, reply);
        }
    }

    private void forward(Message query, InetAddress source, boolean stream, Reply reply) {
        Optional<SignedIn> zone = signedIn.get();
        if (zone.isEmpty()) {
            send(query, new Decision.Reply(Responses.to(query, Rcode.REFUSED, false), Decision.Outcome.REFUSED),
                    stream, reply);
            return;
        }
        try {
            forwarding.execute(() -> {
                Decision.Reply answer = forwarder.forward(query, zone.get());
                if (answer.outcome() == Decision.Outcome.FORWARD_FAILED) {
                    log.info("failed forwards", source, "Could not forward {} to the rendezvous: {}",
                            query.getQuestion().getName(), forwarder.lastFailure());
                }
                send(query, answer, stream, reply);
            });
        } catch (RejectedExecutionException busy) {
            log.info("forwards refused while busy", source, "Too many queries wait for the rendezvous; SERVFAIL for {}",
                    query.getQuestion().getName());
            send(query, new Decision.Reply(Responses.to(query, Rcode.SERVFAIL, false),
                    Decision.Outcome.FORWARD_FAILED), stream, reply);
        }
    }

    private void send(Message query, Decision.Reply answer, boolean stream, Reply reply) {
        counters.count(answer.outcome());
        reply.send(answer.response().toWire(stream ? Responses.TCP : Responses.udpLimit(query)));
    }

    /** FORMERR under the message's ID when at least its header is there and it is not itself a response. */
    private void formatError(byte[] wire, Reply reply) {
        counters.count(Decision.Outcome.MALFORMED);
        Header header;
        try {
            header = new Header(wire);
        } catch (IOException tooShort) {
            return;
        }
        if (header.getFlag(Flags.QR)) {
            return;
        }
        Header error = new Header(header.getID());
        error.setFlag(Flags.QR);
        error.setOpcode(header.getOpcode());
        error.setRcode(Rcode.FORMERR);
        Message response = new Message();
        response.setHeader(error);
        reply.send(response.toWire());
    }
}
