package io.homeward.rendezvous.dns.internal.update;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import io.homeward.rendezvous.dns.internal.zone.Zone;

/** Checks the prerequisite section of an UPDATE against a zone (RFC 2136 §3.2). */
final class Prerequisites {

    private Prerequisites() {
    }

    /** The RCODE of the first failing prerequisite, or NOERROR when all hold. */
    static int check(Zone zone, List<Record> prerequisites) {
        Map<RrsetKey, Set<Record>> exactSets = new LinkedHashMap<>();
        for (Record rr : prerequisites) {
            if (rr.getTTL() != 0) {
                return Rcode.FORMERR;
            }
            if (!rr.getName().subdomain(zone.apex())) {
                return Rcode.NOTZONE;
            }
            int rcode = switch (rr.getDClass()) {
                case DClass.ANY -> existence(zone, rr);
                case DClass.NONE -> absence(zone, rr);
                case DClass.IN -> collect(rr, exactSets);
                default -> Rcode.FORMERR;
            };
            if (rcode != Rcode.NOERROR) {
                return rcode;
            }
        }
        // §2.4.2: the RRset must be exactly the listed records, compared without TTL.
        for (Map.Entry<RrsetKey, Set<Record>> entry : exactSets.entrySet()) {
            Set<Record> actual = new HashSet<>(zone.rrset(entry.getKey().name(), entry.getKey().type()));
            if (!actual.equals(entry.getValue())) {
                return Rcode.NXRRSET;
            }
        }
        return Rcode.NOERROR;
    }

    /** §2.4.1 RRset exists (value independent), §2.4.4 name is in use. */
    private static int existence(Zone zone, Record rr) {
        if (hasData(rr)) {
            return Rcode.FORMERR;
        }
        if (rr.getType() == Type.ANY) {
            return zone.rrset(rr.getName(), Type.ANY).isEmpty() ? Rcode.NXDOMAIN : Rcode.NOERROR;
        }
        return zone.rrset(rr.getName(), rr.getType()).isEmpty() ? Rcode.NXRRSET : Rcode.NOERROR;
    }

    /** §2.4.3 RRset does not exist, §2.4.5 name is not in use. */
    private static int absence(Zone zone, Record rr) {
        if (hasData(rr)) {
            return Rcode.FORMERR;
        }
        if (rr.getType() == Type.ANY) {
            return zone.rrset(rr.getName(), Type.ANY).isEmpty() ? Rcode.NOERROR : Rcode.YXDOMAIN;
        }
        return zone.rrset(rr.getName(), rr.getType()).isEmpty() ? Rcode.NOERROR : Rcode.YXRRSET;
    }

    private static int collect(Record rr, Map<RrsetKey, Set<Record>> exactSets) {
        if (!Type.isRR(rr.getType())) {
            return Rcode.FORMERR;
        }
        exactSets.computeIfAbsent(new RrsetKey(rr.getName(), rr.getType()), k -> new HashSet<>()).add(rr);
        return Rcode.NOERROR;
    }

    static boolean hasData(Record rr) {
        return rr.rdataToWireCanonical().length > 0;
    }

    private record RrsetKey(Name name, int type) {
    }
}
