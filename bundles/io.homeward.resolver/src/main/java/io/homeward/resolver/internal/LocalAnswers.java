package io.homeward.resolver.internal;

import java.util.Optional;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Decides each query from what this host knows, without the network: AAAA of the directory's names at once,
 * REFUSED for names outside the user's zone (this is not an open resolver), the rest of the zone forwarded.
 */
final class LocalAnswers {
    /** The TTL the hosts publish their records with (docs/architecture.md, "Records a host publishes"). */
    static final long TTL = 120;

    private LocalAnswers() {
    }

    /**
     * @param view the zone and its names, empty before sign-in (then everything is REFUSED)
     * @param soa  the zone's SOA when known: negative answers carry it in the authority section (RFC 2308 §3)
     */
    static Decision decide(Message query, Optional<ZoneView> view, Optional<SOARecord> soa) {
        if (query.getHeader().getFlag(Flags.QR)) {
            return new Decision.Drop();
        }
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            return new Decision.Reply(Responses.to(query, Rcode.NOTIMP, false), Decision.Outcome.MALFORMED);
        }
        Record question = query.getQuestion();
        if (question == null || query.getSectionArray(Section.QUESTION).length != 1
                || query.getSectionArray(Section.ANSWER).length > 0
                || query.getSectionArray(Section.AUTHORITY).length > 0) {
            return new Decision.Reply(Responses.to(query, Rcode.FORMERR, false), Decision.Outcome.MALFORMED);
        }
        if (view.isEmpty() || question.getDClass() != DClass.IN || !view.get().contains(question.getName())) {
            return new Decision.Reply(Responses.to(query, Rcode.REFUSED, false), Decision.Outcome.REFUSED);
        }
        Optional<ZoneView.Held> held = view.get().held(question.getName());
        if (held.isEmpty()) {
            return new Decision.Forward();
        }
        int type = question.getType();
        if (type == Type.AAAA) {
            Message response = Responses.to(query, Rcode.NOERROR, true);
            response.addRecord(new AAAARecord(question.getName(), DClass.IN, TTL, held.get().ula()), Section.ANSWER);
            return new Decision.Reply(response, Decision.Outcome.DIRECTORY);
        }
        // The name users type holds no A (the overlay is IPv6): NODATA (RFC 2308 §2.2), so that a resolver asking A
        // and AAAA together gets both answers at once, also while the rendezvous is unreachable.
        if (type == Type.A && held.get().hostName()) {
            Message response = Responses.to(query, Rcode.NOERROR, true);
            soa.ifPresent(record -> response.addRecord(record, Section.AUTHORITY));
            return new Decision.Reply(response, Decision.Outcome.DIRECTORY);
        }
        return new Decision.Forward();
    }
}
