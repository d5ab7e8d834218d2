package io.homeward.rendezvous.dns.internal.response;

import java.util.List;

import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Section;

import io.homeward.api.dns.DnsResponder;
import io.homeward.rendezvous.dns.internal.tsig.TsigOutcome;
import io.homeward.rendezvous.dns.internal.tsig.TsigSigner;

/**
 * Finishes and sends responses: the RCODE (its upper bits in the OPT, RFC 6891 §6.1.3), the OPT when the
 * request had one, truncation to what the client can take, and the TSIG record last.
 */
public final class ResponseWriter {
    private final EdnsPolicy edns;
    private final TsigSigner signer;

    public ResponseWriter(EdnsPolicy edns, TsigSigner signer) {
        this.edns = edns;
        this.signer = signer;
    }

    /** Sends a response that carries nothing but the RCODE (and the echoed question). */
    public void sendRcode(Header header, Message request, int rcode, TsigOutcome tsig, DnsResponder responder) {
        send(request, reply(header, request), rcode, List.of(), tsig, responder);
    }

    /** A response skeleton: same ID and opcode, QR set, RD copied, the question (or zone) echoed when single. */
    public static Message reply(Header requestHeader, Message request) {
        Message response = new Message(requestHeader.getID());
        Header header = response.getHeader();
        header.setFlag(Flags.QR);
        header.setOpcode(requestHeader.getOpcode());
        if (requestHeader.getFlag(Flags.RD)) {
            header.setFlag(Flags.RD);
        }
        if (request != null && request.getSection(Section.QUESTION).size() == 1) {
            response.addRecord(request.getQuestion(), Section.QUESTION);
        }
        return response;
    }

    /** Adds the RCODE and OPT, truncates to what the client can take, signs, sends. */
    public void send(Message request, Message response, int rcode, List<EDNSOption> options, TsigOutcome tsig,
            DnsResponder responder) {
        response.getHeader().setRcode(rcode & 0xF);
        OPTRecord requestOpt = request == null ? null : request.getOPT();
        if (requestOpt != null) {
            response.addRecord(edns.responseOpt(requestOpt, rcode, options), Section.ADDITIONAL);
        }
        int limit = edns.responseLimit(requestOpt, responder.transport())
                - (tsig == null ? 0 : TsigSigner.reserve(tsig));
        byte[] wire = response.toWire();
        if (wire.length <= limit && tsig == null) {
            responder.send(wire);
            return;
        }
        Message out = wire.length > limit ? truncated(response) : response;
        if (tsig != null) {
            signer.sign(out, tsig);
        }
        responder.send(out.toWire());
    }

    /** RFC 2181 §9: too big for the transport, so only header, question and OPT, with TC set. */
    private static Message truncated(Message full) {
        Message cut = new Message(full.getHeader().getID());
        Header header = cut.getHeader();
        header.setOpcode(full.getHeader().getOpcode());
        header.setRcode(full.getHeader().getRcode());
        for (int flag : new int[] {Flags.QR, Flags.AA, Flags.RD}) {
            if (full.getHeader().getFlag(flag)) {
                header.setFlag(flag);
            }
        }
        header.setFlag(Flags.TC);
        full.getSection(Section.QUESTION).forEach(q -> cut.addRecord(q, Section.QUESTION));
        if (full.getOPT() != null) {
            cut.addRecord(full.getOPT(), Section.ADDITIONAL);
        }
        return cut;
    }
}
