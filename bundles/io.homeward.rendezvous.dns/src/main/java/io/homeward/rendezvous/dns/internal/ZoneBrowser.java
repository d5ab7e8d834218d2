package io.homeward.rendezvous.dns.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import io.homeward.rendezvous.dns.internal.zone.Zone;
import io.homeward.rendezvous.dns.internal.zone.ZoneStore;

/** A read-only picture of every zone for an operator page: names, records and when their leases end. */
public final class ZoneBrowser {
    private final ZoneStore store;

    ZoneBrowser(ZoneStore store) {
        this.store = store;
    }

    public List<ZoneView> zones() {
        return store.read(() -> {
            List<ZoneView> views = new ArrayList<>();
            for (Zone zone : store.zones()) {
                List<RecordView> records = new ArrayList<>();
                records.add(view(zone, zone.soa()));
                zone.allRecords().forEach(r -> records.add(view(zone, r)));
                views.add(new ZoneView(zone.apex().toString(), zone.serial(), zone.isUserZone(), records));
            }
            return views;
        });
    }

    private static RecordView view(Zone zone, Record r) {
        return new RecordView(r.getName().toString(), Type.string(r.getType()), r.getTTL(), r.rdataToString(),
                zone.leaseOf(r));
    }

    /** One zone: its apex, serial, whether it belongs to a user, and its records. */
    public record ZoneView(String zone, long serial, boolean userZone, List<RecordView> records) {
    }

    /** One record in presentation form; {@code leaseEnds} is empty for records without a lease. */
    public record RecordView(String name, String type, long ttl, String data, Optional<Instant> leaseEnds) {
    }
}
