package io.homeward.rendezvous.dns.internal.update;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.osgi.service.log.Logger;
import org.osgi.util.promise.Promise;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.rendezvous.dns.internal.lease.LeasePolicy;
import io.homeward.rendezvous.dns.internal.lease.UpdateLease;
import io.homeward.rendezvous.dns.internal.tsig.TsigOutcome;
import io.homeward.rendezvous.dns.internal.zone.Serials;
import io.homeward.rendezvous.dns.internal.zone.Zone;
import io.homeward.rendezvous.dns.internal.zone.ZoneDelta;
import io.homeward.rendezvous.dns.internal.zone.ZoneStore;

/**
 * Processes DNS UPDATE (RFC 2136 §3) for the user zones: zone section, authorization (the TSIG key must be
 * the zone's own key), prerequisites, prescan, then the whole update section applied at once, journaled
 * before it is acknowledged, with the SOA serial bumped once when records changed. Added records carry the
 * granted update lease (RFC 9664). The caller acknowledges only once the result's change is durable.
 */
public final class UpdateProcessor {
    private final ZoneStore store;
    private final LeasePolicy leases;
    private final Clock clock;
    private final Logger log;

    public UpdateProcessor(ZoneStore store, LeasePolicy leases, Clock clock, Logger log) {
        this.store = store;
        this.leases = leases;
        this.clock = clock;
        this.log = log;
    }

    /** @param tsig the verified TSIG of the request, or null for an unsigned request */
    public UpdateResult process(Message request, TsigOutcome tsig) {
        List<Record> zoneSection = request.getSection(Section.ZONE);
        if (zoneSection.size() != 1 || zoneSection.get(0).getType() != Type.SOA) {
            return UpdateResult.of(Rcode.FORMERR);
        }
        Record zoneRecord = zoneSection.get(0);
        Name zoneName = zoneRecord.getName();
        Optional<UpdateLease> granted;
        try {
            granted = UpdateLease.from(request.getOPT()).map(leases::grant);
        } catch (IllegalArgumentException e) {
            log.info("UPDATE for {} has a bad Update Lease option: {}", zoneName, e.getMessage());
            return UpdateResult.of(Rcode.FORMERR);
        }
        try {
            return store.write(() -> {
                Zone zone = store.zone(zoneName);
                if (zone == null || zoneRecord.getDClass() != DClass.IN) {
                    return UpdateResult.of(Rcode.NOTAUTH);
                }
                int refusal = authorize(zone, tsig);
                if (refusal != Rcode.NOERROR) {
                    return UpdateResult.of(refusal);
                }
                int rcode = Prerequisites.check(zone, request.getSection(Section.PREREQ));
                if (rcode == Rcode.NOERROR) {
                    rcode = UpdatePrescan.check(zone.apex(), request.getSection(Section.UPDATE));
                }
                if (rcode != Rcode.NOERROR) {
                    return UpdateResult.of(rcode);
                }
                Promise<Void> durable = apply(zone, request.getSection(Section.UPDATE), granted);
                return new UpdateResult(Rcode.NOERROR, granted, durable);
            });
        } catch (IOException e) {
            // The journal logs its failures itself, counted: a full disk fails every update.
            log.debug("UPDATE of {} failed: the journal could not store it; nothing changed: {}", zoneName,
                    e.toString());
            return UpdateResult.of(Rcode.SERVFAIL);
        }
    }

    private int authorize(Zone zone, TsigOutcome tsig) {
        if (tsig == null) {
            log.info("Refused an unsigned UPDATE for {}", zone.apex());
            return Rcode.REFUSED;
        }
        if (!zone.isUserZone() || !tsig.keyName().equals(zone.apex())) {
            log.warn("Refused UPDATE: key {} may only change its own zone, it tried {}", tsig.keyName(), zone.apex());
            return Rcode.REFUSED;
        }
        return Rcode.NOERROR;
    }

    /** Applies and journals the update; returns its completion (see {@link ZoneStore#commit}). */
    private Promise<Void> apply(Zone zone, List<Record> updates, Optional<UpdateLease> lease) throws IOException {
        TreeMap<Name, List<Record>> before = zone.copyData(updates.stream().map(Record::getName).collect(Collectors.toSet()));
        UpdateApplier applier = new UpdateApplier(zone, before);
        applier.apply(updates);
        RecordDiff diff = RecordDiff.between(before, applier.result());
        Instant now = clock.instant();
        Map<Record, Instant> leased = new HashMap<>();
        Set<Record> unleased = new HashSet<>();
        for (Record r : applier.added()) {
            if (lease.isPresent()) {
                long seconds = r.getType() == Type.KEY ? lease.get().keyLease() : lease.get().lease();
                leased.put(r, now.plusSeconds(seconds));
            } else if (zone.leaseOf(r).isPresent()) {
                unleased.add(r);
            }
        }
        boolean changed = !diff.removed().isEmpty() || !diff.added().isEmpty();
        long serial = changed ? Serials.next(zone.serial()) : zone.serial();
        ZoneDelta delta = new ZoneDelta(serial, diff.removed(), diff.added(), leased, unleased);
        return store.commit(zone, delta);
    }
}
