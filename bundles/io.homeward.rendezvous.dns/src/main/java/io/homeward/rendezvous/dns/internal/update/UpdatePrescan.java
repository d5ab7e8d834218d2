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
                case DClass.IN -> Type.isRR(rr.getType()) && hasValidRdata(rr);
                case DClass.ANY -> rr.getTTL() == 0 && !Prerequisites.hasData(rr)
                        && (Type.isRR(rr.getType()) || rr.getType() == Type.ANY);
                case DClass.NONE -> rr.getTTL() == 0 && Type.isRR(rr.getType()) && hasValidRdata(rr);
                default -> false;
            };
            if (!valid) {
                return Rcode.FORMERR;
            }
        }
        return Rcode.NOERROR;
    }

    /**
     * An RR to add or to delete carries RDATA of its type (§2.5.1, §2.5.4); dnsjava reads an empty RDATA in the
     * update section as a record without data, which is neither stored nor matched.
     */
    private static boolean hasValidRdata(Record rr) {
        return Record.newRecord(rr.getName(), rr.getType(), DClass.IN, rr.getTTL(), rr.rdataToWireCanonical()) != null;
    }
}
