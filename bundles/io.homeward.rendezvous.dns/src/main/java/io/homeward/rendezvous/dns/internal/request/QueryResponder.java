package io.homeward.rendezvous.dns.internal.request;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.xbill.DNS.CookieOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.api.dns.DnsResponder;
import io.homeward.api.dns.DnsTransport;
import io.homeward.kit.dns.PushBinding;
import io.homeward.kit.log.CountedLog;
import io.homeward.rendezvous.dns.internal.push.PushServer;
import io.homeward.rendezvous.dns.internal.query.QueryAnswerer;
import io.homeward.rendezvous.dns.internal.response.ResponseWriter;
import io.homeward.rendezvous.dns.internal.transfer.ZoneTransfer;
import io.homeward.rendezvous.dns.internal.tsig.TsigOutcome;
import io.homeward.rendezvous.dns.internal.tsig.TsigSigner;

/**
 * Answers a checked QUERY: from the zones, or as a zone transfer (AXFR, RFC 5936; IXFR, RFC 1995). Over TLS, an
 * SOA query for a zone with a DNS Cookie (RFC 7873) gets a fresh server cookie for the connection, and one signed
 * with a key of the zone that carries the cookie the connection was given binds the connection for DNS Push.
 */
public final class QueryResponder {
    private final QueryAnswerer answerer;
    private final ZoneTransfer transfer;
    private final PushServer push;
    private final TsigSigner signer;
    private final ResponseWriter writer;
    private final CountedLog refusals;

    /** @param refusals where refusals an unauthenticated client can provoke are logged, counted */
    public QueryResponder(QueryAnswerer answerer, ZoneTransfer transfer, PushServer push, TsigSigner signer,
            ResponseWriter writer, CountedLog refusals) {
        this.answerer = answerer;
        this.transfer = transfer;
        this.push = push;
        this.signer = signer;
        this.writer = writer;
        this.refusals = refusals;
    }

    void answer(Header header, Message request, TsigOutcome tsig, DnsResponder responder) {
        Message response = ResponseWriter.reply(header, request);
        List<Record> questions = request.getSection(Section.QUESTION);
        if (questions.size() != 1) {
            writer.send(request, response, Rcode.FORMERR, List.of(), tsig, responder);
            return;
        }
        Record question = questions.get(0);
        int type = question.getType();
        int rcode;
        List<EDNSOption> options = List.of();
        if (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY) {
            rcode = Rcode.REFUSED;
        } else if (type == Type.AXFR || type == Type.IXFR) {
            transfer(request, response, question.getName(), type, tsig, responder);
            return;
        } else if (type == Type.OPT || type == Type.TSIG || type == Type.TKEY) {
            rcode = Rcode.FORMERR;
        } else if (!Type.isRR(type) && type != Type.ANY) {
            rcode = Rcode.NOTIMP;
        } else {
            rcode = answerer.answer(question.getName(), type, response);
            if (type == Type.SOA && responder.transport() == DnsTransport.TLS && isZoneSoa(response)) {
                options = binding(question.getName(), PushBinding.cookieOf(request), tsig, responder);
            }
        }
        writer.send(request, response, rcode, options, tsig, responder);
    }

    /**
     * The agreed DNS Push authorization: a signed SOA query for the key's own zone (master or host key) with the
     * server cookie of this connection binds it (one without a cookie, such as a sign-in's proof of the key, binds
     * nothing). Every SOA query with a cookie gets a new server cookie, echoed with the client's (RFC 7873 §5.2).
     */
    private List<EDNSOption> binding(Name zone, Optional<CookieOption> cookie, TsigOutcome tsig,
            DnsResponder responder) {
        if (cookie.isEmpty()) {
            return List.of();
        }
        if (tsig != null && tsig.keyOf(zone)) {
            push.bind(responder, tsig.rights().zone(), tsig.keyName(),
                    cookie.get().getServerCookie().orElse(new byte[0]));
        }
        return push.challenge(responder)
                .map(server -> List.<EDNSOption>of(new CookieOption(cookie.get().getClientCookie(), server)))
                .orElse(List.of());
    }

    private static boolean isZoneSoa(Message response) {
        List<Record> answers = response.getSection(Section.ANSWER);
        return answers.size() == 1 && answers.get(0).getType() == Type.SOA;
    }

    /**
     * AXFR (RFC 5936) and IXFR (RFC 1995) only to a key of the zone, RFC 5936 leaving access control to us; AXFR
     * only over a stream, IXFR over UDP answered with the SOA alone so that the client asks again over TCP (§2).
     * The messages are produced as the connection drains, so a zone of any size transfers in bounded memory.
     */
    private void transfer(Message request, Message response, Name zone, int type, TsigOutcome tsig,
            DnsResponder responder) {
        boolean stream = responder.transport().isStream();
        if ((type == Type.AXFR && !stream) || tsig == null || !tsig.keyOf(zone)) {
            refusals.info("refused transfers", responder.client().getAddress(),
                    "Refused {} of {} to {} over {} with key {}", Type.string(type), zone, responder.client(),
                    responder.transport(), tsig == null ? "none" : tsig.keyName());
            writer.send(request, response, Rcode.REFUSED, List.of(), tsig, responder);
            return;
        }
        Consumer<Message> sign = signer.streamSigner(tsig);
        Optional<Iterator<byte[]>> messages;
        if (type == Type.AXFR) {
            messages = transfer.full(request, zone, sign);
        } else {
            Optional<Long> clientSerial = clientSerial(request, zone);
            if (clientSerial.isEmpty()) {
                writer.send(request, response, Rcode.FORMERR, List.of(), tsig, responder);
                return;
            }
            messages = transfer.incremental(request, zone, clientSerial.get(), !stream, sign);
        }
        if (messages.isEmpty()) {
            writer.send(request, response, Rcode.NOTAUTH, List.of(), tsig, responder);
            return;
        }
        responder.sendAll(messages.get());
    }

    /** The serial of the client's copy: the SOA of the zone in the IXFR request's authority section (RFC 1995 §3). */
    private static Optional<Long> clientSerial(Message request, Name zone) {
        List<Record> authority = request.getSection(Section.AUTHORITY);
        if (authority.size() != 1 || !(authority.get(0) instanceof SOARecord soa) || !soa.getName().equals(zone)) {
            return Optional.empty();
        }
        return Optional.of(soa.getSerial());
    }
}
