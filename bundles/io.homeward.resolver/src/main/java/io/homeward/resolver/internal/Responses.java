package io.homeward.resolver.internal;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Responses to a client's query: the header and question of RFC 1035 §4.1, EDNS per RFC 6891 §7. */
final class Responses {
    /** The UDP payload this server offers and uses at most (RFC 6891 §6.2.5; the 2020 DNS flag day value). */
    static final int EDNS_PAYLOAD = 1232;
    /** Without EDNS a UDP response holds 512 octets (RFC 1035 §4.2.1). */
    static final int PLAIN_UDP = 512;
    /** DNS over TCP carries up to 65,535 octets per message (RFC 1035 §4.2.2). */
    static final int TCP = 65_535;

    private Responses() {
    }

    /**
     * An empty response to {@code query}: its ID, opcode, RD and CD, its question, and an OPT record when the
     * query had one; RA stays clear (this server does not recurse).
     */
    static Message to(Message query, int rcode, boolean authoritative) {
        Header header = new Header(query.getHeader().getID());
        header.setFlag(Flags.QR);
        header.setOpcode(query.getHeader().getOpcode());
        copyFlag(query, header, Flags.RD);
        copyFlag(query, header, Flags.CD);
        if (authoritative) {
            header.setFlag(Flags.AA);
        }
        header.setRcode(rcode);
        Message response = new Message();
        response.setHeader(header);
        Record question = query.getQuestion();
        if (question != null) {
            response.addRecord(question, Section.QUESTION);
        }
        if (query.getOPT() != null) {
            response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
        }
        return response;
    }

    /** How large a UDP response to {@code query} may be: its EDNS payload size, within 512..1232. */
    static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        return opt == null ? PLAIN_UDP : Math.max(PLAIN_UDP, Math.min(EDNS_PAYLOAD, opt.getPayloadSize()));
    }

    private static void copyFlag(Message query, Header header, int flag) {
        if (query.getHeader().getFlag(flag)) {
            header.setFlag(flag);
        }
    }
}
