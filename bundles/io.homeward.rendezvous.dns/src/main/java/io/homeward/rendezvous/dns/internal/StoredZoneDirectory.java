package io.homeward.rendezvous.dns.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import io.homeward.api.rendezvous.ZoneDirectory;
import io.homeward.api.rendezvous.ZoneRecord;
import io.homeward.api.rendezvous.ZoneSummary;
import io.homeward.rendezvous.dns.internal.zone.Zone;
import io.homeward.rendezvous.dns.internal.zone.ZoneStore;

/** The zones for operators: serials, how many records users stored, and every record with its lease. */
final class StoredZoneDirectory implements ZoneDirectory {
    private static final Comparator<Record> BY_NAME_AND_TYPE = Comparator.comparing(Record::getName)
            .thenComparing(r -> Type.string(r.getType()));

    private final ZoneStore store;

    StoredZoneDirectory(ZoneStore store) {
        this.store = store;
    }

    @Override
    public List<ZoneSummary> zones() {
        return store.read(() -> store.zones().stream()
                .map(z -> new ZoneSummary(z.apex().toString(), z.serial(), z.storedRecords().size())).toList());
    }

    @Override
    public List<ZoneRecord> records(String zone) {
        Name apex;
        try {
            apex = Name.fromString(zone, Name.root);
        } catch (TextParseException e) {
            return List.of();
        }
        return store.read(() -> {
            Zone found = store.zone(apex);
            if (found == null) {
                return List.<ZoneRecord>of();
            }
            List<Record> records = new ArrayList<>(found.allRecords());
            records.add(found.soa());
            records.sort(BY_NAME_AND_TYPE);
            return records.stream().map(r -> new ZoneRecord(r.getName().toString(), r.getType(),
                    r.getTTL(), r.rdataToString(), found.leaseOf(r))).toList();
        });
    }
}
