package io.homeward.rendezvous.dns.internal.query;

import java.util.List;

import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.rendezvous.dns.internal.zone.Zone;
import io.homeward.rendezvous.dns.internal.zone.ZoneStore;

/**
 * Authoritative answers from the zone store (RFC 1034 §4.3.2 without wildcards or delegations): the data,
 * CNAMEs followed inside the zone, NXDOMAIN or NODATA with the zone's SOA for negative caching (RFC 2308),
 * addresses of SRV and NS targets as additional data, REFUSED for names outside every zone.
 */
public final class QueryAnswerer {
    /** Longest CNAME chain followed, so a loop in the data cannot hold a thread. */
    private static final int MAX_CHAIN = 8;

    private final ZoneStore store;

    public QueryAnswerer(ZoneStore store) {
        this.store = store;
    }

    /** Fills the answer, authority and additional sections of {@code response}; returns the RCODE. */
    public int answer(Name qname, int qtype, Message response) {
        return store.read(() -> {
            Zone zone = store.find(qname);
            if (zone == null) {
                return Rcode.REFUSED;
            }
            response.getHeader().setFlag(Flags.AA);
            Name name = qname;
            for (int step = 0; step < MAX_CHAIN; step++) {
                List<Record> records = zone.rrset(name, qtype);
                if (!records.isEmpty()) {
                    records.forEach(r -> response.addRecord(r, Section.ANSWER));
                    addTargetAddresses(records, response);
                    return Rcode.NOERROR;
                }
                List<Record> cname = qtype == Type.CNAME ? List.of() : zone.rrset(name, Type.CNAME);
                if (cname.isEmpty()) {
                    response.addRecord(zone.negativeSoa(), Section.AUTHORITY);
                    return zone.nameExists(name) ? Rcode.NOERROR : Rcode.NXDOMAIN;
                }
                response.addRecord(cname.get(0), Section.ANSWER);
                name = ((CNAMERecord) cname.get(0)).getTarget();
                if (!name.subdomain(zone.apex())) {
                    return Rcode.NOERROR;
                }
            }
            return Rcode.NOERROR;
        });
    }

    private void addTargetAddresses(List<Record> records, Message response) {
        for (Record r : records) {
            if (r.getType() != Type.SRV && r.getType() != Type.NS) {
                continue;
            }
            Name target = r.getAdditionalName();
            Zone zone = store.find(target);
            if (zone == null) {
                continue;
            }
            for (int type : new int[] {Type.A, Type.AAAA}) {
                for (Record address : zone.rrset(target, type)) {
                    if (!response.findRecord(address, Section.ADDITIONAL)) {
                        response.addRecord(address, Section.ADDITIONAL);
                    }
                }
            }
        }
    }
}
