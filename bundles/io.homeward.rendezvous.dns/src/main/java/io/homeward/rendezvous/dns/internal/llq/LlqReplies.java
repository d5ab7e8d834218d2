package io.homeward.rendezvous.dns.internal.llq;

import java.time.Instant;
import java.util.List;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.rendezvous.dns.internal.query.QueryAnswerer;
import io.homeward.rendezvous.dns.internal.response.ResponseWriter;

/** The server's answers in the LLQ handshake and refresh (RFC 8764 §5.2, §6), signed like the request. */
final class LlqReplies {
    private final QueryAnswerer answerer;
    private final ResponseWriter writer;

    LlqReplies(QueryAnswerer answerer, ResponseWriter writer) {
        this.answerer = answerer;
        this.writer = writer;
    }

    /** The ACK with the full current answer set (RFC 8764 §5.2.4); the client replaces what it had. */
    void answers(LlqRequest request, LlqEntry entry, Instant now) {
        Message response = ResponseWriter.reply(request.header(), request.message());
        int rcode = answerer.answer(entry.question.name(), entry.question.type(), response);
        LlqOption option = LlqOption.reply(LlqOption.SETUP, LlqOption.NO_ERROR, entry.id, entry.remainingSeconds(now));
        writer.send(request.message(), response, rcode, List.of(option.toOption()), request.tsig(),
                request.responder());
    }

    void challenge(LlqRequest request, LlqEntry entry) {
        option(request, LlqOption.SETUP, LlqOption.NO_ERROR, entry.id, entry.grantedLease);
    }

    /** A response with no answers, just the LLQ option: a challenge, a refresh answer or an LLQ error. */
    void option(LlqRequest request, int opcode, int error, long id, long lease) {
        Message response = ResponseWriter.reply(request.header(), request.message());
        response.getHeader().setFlag(Flags.AA);
        LlqOption option = LlqOption.reply(opcode, error, id, lease);
        writer.send(request.message(), response, Rcode.NOERROR, List.of(option.toOption()), request.tsig(),
                request.responder());
    }

    void refused(LlqRequest request) {
        writer.send(request.message(), ResponseWriter.reply(request.header(), request.message()), Rcode.REFUSED,
                List.of(), request.tsig(), request.responder());
    }
}
