package io.homeward.rendezvous.dns.internal.update;

import java.util.List;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Validates the update section before anything is applied (RFC 2136 §3.4.1). */
final class UpdatePrescan {

    private UpdatePrescan() {
    }

    static int check(Name zone, List<Record> updates) {
        for (Record rr : updates) {
            if (!rr.getName().subdomain(zone)) {
                return Rcode.NOTZONE;
            }
            boolean valid = switch (rr.getDClass()) {
                case DClass.IN -> Type.isRR(rr.getType());
                case DClass.ANY -> rr.getTTL() == 0 && !Prerequisites.hasData(rr)
                        && (Type.isRR(rr.getType()) || rr.getType() == Type.ANY);
                case DClass.NONE -> rr.getTTL() == 0 && Type.isRR(rr.getType());
                default -> false;
            };
            if (!valid) {
                return Rcode.FORMERR;
            }
        }
        return Rcode.NOERROR;
    }
}
