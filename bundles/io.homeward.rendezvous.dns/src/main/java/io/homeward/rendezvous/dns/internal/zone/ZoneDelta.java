package io.homeward.rendezvous.dns.internal.zone;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.xbill.DNS.Record;

/**
 * One atomic change of a zone, as applied and as journaled. Applying it twice has the same effect as once,
 * so a journal replayed over a snapshot that already contains it does no harm.
 *
 * @param serial   the zone's serial after the change
 * @param removed  records that go (compared without TTL)
 * @param added    records that come, replacing an equal record with another TTL
 * @param leased   records whose lease now ends at the given instant
 * @param unleased records that no longer have a lease
 */
public record ZoneDelta(long serial, List<Record> removed, List<Record> added, Map<Record, Instant> leased,
        Set<Record> unleased) {

    public ZoneDelta {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
        leased = Map.copyOf(leased);
        unleased = Set.copyOf(unleased);
    }

    public boolean changesData() {
        return !removed.isEmpty() || !added.isEmpty();
    }

    public boolean isEmpty() {
        return !changesData() && leased.isEmpty() && unleased.isEmpty();
    }
}
