package io.homeward.rendezvous.dns.internal.request;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.service.log.Logger;
import org.xbill.DNS.DClass;
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
import io.homeward.rendezvous.dns.internal.push.PushServer;
import io.homeward.rendezvous.dns.internal.query.QueryAnswerer;
import io.homeward.rendezvous.dns.internal.response.ResponseWriter;
import io.homeward.rendezvous.dns.internal.transfer.ZoneTransfer;
import io.homeward.rendezvous.dns.internal.tsig.TsigOutcome;
import io.homeward.rendezvous.dns.internal.tsig.TsigSigner;

/**
 * Answers a checked QUERY: from the zones, or as a zone transfer (AXFR, RFC 5936; IXFR, RFC 1995); a signed SOA
 * query for the key's own zone over TLS also binds the connection for DNS Push.
 */
public final class QueryResponder {
    private final QueryAnswerer answerer;
    private final ZoneTransfer transfer;
    private final PushServer push;
    private final TsigSigner signer;
    private final ResponseWriter writer;
    private final Logger log;

    public QueryResponder(QueryAnswerer answerer, ZoneTransfer transfer, PushServer push, TsigSigner signer,
            ResponseWriter writer, Logger log) {
        this.answerer = answerer;
        this.transfer = transfer;
        this.push = push;
        this.signer = signer;
        this.writer = writer;
        this.log = log;
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

    /**
     * AXFR (RFC 5936) and IXFR (RFC 1995) only to the zone's own key, RFC 5936 leaving access control to us; AXFR
     * only over a stream, IXFR over UDP answered with the SOA alone so that the client asks again over TCP (§2).
     * The messages are produced as the connection drains, so a zone of any size transfers in bounded memory.
     */
    private void transfer(Message request, Message response, Name zone, int type, TsigOutcome tsig,
            DnsResponder responder) {
        boolean stream = responder.transport().isStream();
        if ((type == Type.AXFR && !stream) || tsig == null || !tsig.keyName().equals(zone.canonicalize())) {
            log.info("Refused {} of {} to {} over {} with key {}", Type.string(type), zone, responder.client(),
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
