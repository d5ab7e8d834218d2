package io.homeward.resolver.internal;

import java.util.Optional;

import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;

/**
 * The zone's SOA as the rendezvous last sent it, for the authority section of negative answers given without
 * asking it (RFC 2308 §3). Kept with the negative-caching TTL: the lesser of its TTL and its MINIMUM field.
 */
final class ZoneSoa {
    private volatile Optional<SOARecord> soa = Optional.empty();

    Optional<SOARecord> current() {
        return soa;
    }

    /** Keeps {@code record} when it is the SOA of {@code zone}. */
    void offer(Record record, Name zone) {
        if (record instanceof SOARecord found && found.getName().equals(zone)) {
            long ttl = Math.min(found.getTTL(), found.getMinimum());
            soa = Optional.of(new SOARecord(zone, found.getDClass(), ttl, found.getHost(), found.getAdmin(),
                    found.getSerial(), found.getRefresh(), found.getRetry(), found.getExpire(), found.getMinimum()));
        }
    }

    /** Another zone (sign-out, another account): its SOA is not this one's. */
    void forget() {
        soa = Optional.empty();
    }
}
