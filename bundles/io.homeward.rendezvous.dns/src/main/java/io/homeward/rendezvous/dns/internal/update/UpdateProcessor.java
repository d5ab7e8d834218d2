package io.homeward.rendezvous.dns.internal.update;

import java.io.IOException;
import java.net.InetAddress;
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

import io.homeward.kit.log.CountedLog;
import io.homeward.rendezvous.dns.internal.lease.LeasePolicy;
import io.homeward.rendezvous.dns.internal.lease.UpdateLease;
import io.homeward.rendezvous.dns.internal.tsig.TsigOutcome;
import io.homeward.rendezvous.dns.internal.zone.Serials;
import io.homeward.rendezvous.dns.internal.zone.Zone;
import io.homeward.rendezvous.dns.internal.zone.ZoneDelta;
import io.homeward.rendezvous.dns.internal.zone.ZoneStore;

/**
 * Processes DNS UPDATE (RFC 2136 §3) for the user zones: zone section, authorization (the TSIG key must be a key
 * of the zone: the user's master key, or a host key within {@link HostKeyRules}), prerequisites, prescan, then the
 * whole update section applied at once, journaled
 * before it is acknowledged, with the SOA serial bumped once when records changed. Added records carry the
 * granted update lease (RFC 9664). An update that would leave more records than the zone's quota is refused whole
 * (REFUSED). The caller acknowledges only once the result's change is durable.
 */
public final class UpdateProcessor {
    private final ZoneStore store;
    private final LeasePolicy leases;
    private final int recordQuota;
    private final Clock clock;
    private final Logger log;
    private final CountedLog refusals;

    /**
     * @param recordQuota records an update may leave in a zone besides the server's own
     * @param refusals    where refusals an unauthenticated client can provoke are logged, counted
     */
    public UpdateProcessor(ZoneStore store, LeasePolicy leases, int recordQuota, Clock clock, Logger log,
            CountedLog refusals) {
        this.store = store;
        this.leases = leases;
        this.recordQuota = recordQuota;
        this.clock = clock;
        this.log = log;
        this.refusals = refusals;
    }

    /**
     * @param tsig   the verified TSIG of the request, or null for an unsigned request
     * @param client the address the request came from, for the log
     */
    public UpdateResult process(Message request, TsigOutcome tsig, InetAddress client) {
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
            refusals.info("malformed UPDATEs", client, "UPDATE for {} from {} has a bad Update Lease option: {}",
                    zoneName, client, e.getMessage());
            return UpdateResult.of(Rcode.FORMERR);
        }
        try {
            return store.write(() -> {
                Zone zone = store.zone(zoneName);
                if (zone == null || zoneRecord.getDClass() != DClass.IN) {
                    return UpdateResult.of(Rcode.NOTAUTH);
                }
                int refusal = authorize(zone, tsig, client);
                if (refusal != Rcode.NOERROR) {
                    return UpdateResult.of(refusal);
                }
                int rcode = Prerequisites.check(zone, request.getSection(Section.PREREQ));
                if (rcode == Rcode.NOERROR) {
                    rcode = UpdatePrescan.check(zone.apex(), request.getSection(Section.UPDATE));
                }
                if (rcode == Rcode.NOERROR) {
                    rcode = permit(zone, tsig, request.getSection(Section.UPDATE));
                }
                if (rcode != Rcode.NOERROR) {
                    return UpdateResult.of(rcode);
                }
                return apply(zone, request.getSection(Section.UPDATE), granted);
            });
        } catch (IOException e) {
            // The journal logs its failures itself, counted: a full disk fails every update.
            log.debug("UPDATE of {} failed: the journal could not store it; nothing changed: {}", zoneName,
                    e.toString());
            return UpdateResult.of(Rcode.SERVFAIL);
        }
    }

    private int authorize(Zone zone, TsigOutcome tsig, InetAddress client) {
        if (tsig == null) {
            refusals.info("unsigned UPDATEs", client, "Refused an unsigned UPDATE for {} from {}", zone.apex(), client);
            return Rcode.REFUSED;
        }
        if (!zone.isUserZone() || !tsig.keyOf(zone.apex())) {
            log.warn("Refused UPDATE: key {} may only change its own zone, it tried {}", tsig.keyName(), zone.apex());
            return Rcode.REFUSED;
        }
        return Rcode.NOERROR;
    }

    /** A host key's update refused whole, with one line naming the key, the record and the rule it breaks. */
    private int permit(Zone zone, TsigOutcome tsig, List<Record> updates) {
        Optional<Name> host = tsig.rights().host();
        if (host.isEmpty()) {
            return Rcode.NOERROR;
        }
        Optional<HostKeyRules.Refusal> refusal = HostKeyRules.check(zone, host.get(), updates);
        refusal.ifPresent(r -> log.warn("Refused UPDATE of {}: key {} may not change {} {} ({}, docs/enrollment.md);"
                + " nothing changed", zone.apex(), tsig.keyName(), r.record().getName(),
                Type.string(r.record().getType()), r.rule()));
        return refusal.isPresent() ? Rcode.REFUSED : Rcode.NOERROR;
    }

    /**
     * Applies and journals the update unless it would leave the zone over its record quota; the result's completion
     * is resolved once the change, or for a change of nothing what it rests on, is durable (see
     * {@link ZoneStore#commit}).
     */
    private UpdateResult apply(Zone zone, List<Record> updates, Optional<UpdateLease> lease) throws IOException {
        TreeMap<Name, List<Record>> before = zone.copyData(updates.stream().map(Record::getName).collect(Collectors.toSet()));
        UpdateApplier applier = new UpdateApplier(zone, before);
        applier.apply(updates);
        RecordDiff diff = RecordDiff.between(before, applier.result());
        int growth = diff.added().size() - diff.removed().size();
        int after = zone.storedRecordCount() + growth;
        if (growth > 0 && after > recordQuota) {
            log.warn("Refused UPDATE of {}: it would hold {} records, over the quota of {}; nothing changed",
                    zone.apex(), after, recordQuota);
            return UpdateResult.of(Rcode.REFUSED);
        }
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
        return new UpdateResult(Rcode.NOERROR, lease, store.commit(zone, delta));
    }
}
