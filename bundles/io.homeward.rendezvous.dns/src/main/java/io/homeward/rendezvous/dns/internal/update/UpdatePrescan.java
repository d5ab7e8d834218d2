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
                case DClass.IN -> isDataType(rr.getType()) && hasValidRdata(rr);
                case DClass.ANY -> rr.getTTL() == 0 && !Prerequisites.hasData(rr)
                        && (isDataType(rr.getType()) || rr.getType() == Type.ANY);
                case DClass.NONE -> rr.getTTL() == 0 && isDataType(rr.getType()) && hasValidRdata(rr);
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

    /** False for OPT and the meta-types and QTYPEs: 0 and 128..255 (RFC 6895 §3.1), which are never data. */
    private static boolean isDataType(int type) {
        return type != 0 && (type < 128 || type > 255) && Type.isRR(type);
    }
}
