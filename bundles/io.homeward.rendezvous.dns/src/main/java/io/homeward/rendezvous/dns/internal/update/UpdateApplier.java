package io.homeward.rendezvous.dns.internal.update;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import io.homeward.rendezvous.dns.internal.zone.Zone;

/**
 * Applies a prescanned update section, in order, to a copy of the zone's records at the names it
 * mentions (RFC 2136 §3.4.2), so a message either changes the zone as a whole or not at all, at a cost
 * that does not grow with the zone.
 */
final class UpdateApplier {
    private final Zone zone;
    private final TreeMap<Name, List<Record>> data;
    private final List<Record> added = new ArrayList<>();

    UpdateApplier(Zone zone, TreeMap<Name, List<Record>> before) {
        this.zone = zone;
        this.data = new TreeMap<>();
        before.forEach((name, records) -> data.put(name, new ArrayList<>(records)));
    }

    /** The records at the mentioned names after the update. */
    TreeMap<Name, List<Record>> result() {
        return data;
    }

    /** The records the update section added (they get the lease). */
    List<Record> added() {
        return added;
    }

    void apply(List<Record> updates) {
        for (Record rr : updates) {
            switch (rr.getDClass()) {
                case DClass.IN -> add(rr);
                case DClass.ANY -> deleteRrsets(rr.getName(), rr.getType());
                default -> deleteRecord(Record.newRecord(rr.getName(), rr.getType(), DClass.IN, 0,
                        rr.rdataToWireCanonical()));
            }
        }
    }

    private void add(Record rr) {
        // Server-managed records (SOA, apex NS, service SRVs) are silently left alone (§3.4.2.2–3).
        if (zone.isProtected(rr.getName(), rr.getType())) {
            return;
        }
        List<Record> existing = data.getOrDefault(rr.getName(), List.of());
        boolean hasCname = existing.stream().anyMatch(r -> r.getType() == Type.CNAME);
        boolean hasOther = zone.hasFixedRecords(rr.getName())
                || existing.stream().anyMatch(r -> r.getType() != Type.CNAME);
        if (rr.getType() == Type.CNAME ? hasOther : hasCname) {
            // CNAME and other data cannot coexist; the conflicting add is ignored (§3.4.2.2).
            return;
        }
        List<Record> records = data.computeIfAbsent(rr.getName(), n -> new ArrayList<>());
        if (rr.getType() == Type.CNAME) {
            records.clear();
        }
        records.remove(rr);
        records.add(rr);
        added.remove(rr);
        added.add(rr);
    }

    private void deleteRrsets(Name name, int type) {
        List<Record> records = data.get(name);
        if (records == null) {
            return;
        }
        records.removeIf(r -> type == Type.ANY || r.getType() == type);
        if (records.isEmpty()) {
            data.remove(name);
        }
        added.removeIf(r -> r.getName().equals(name) && (type == Type.ANY || r.getType() == type));
    }

    private void deleteRecord(Record rr) {
        List<Record> records = data.get(rr.getName());
        if (records == null) {
            return;
        }
        records.remove(rr);
        if (records.isEmpty()) {
            data.remove(rr.getName());
        }
        added.remove(rr);
    }
}
