package io.homeward.rendezvous.dns.internal.zone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * One zone: the records stored by updates, their leases, the serial, and the configured records from the
 * {@link ZoneTemplate}. Not thread-safe: the {@link ZoneStore} guards it.
 */
public final class Zone {
    private final Name apex;
    private final boolean userZone;
    private final ZoneTemplate template;
    private final List<Record> fixed;
    /** Canonical order (RFC 4034 §6.1) keeps a name's descendants right after it. */
    private final TreeMap<Name, List<Record>> data = new TreeMap<>();
    private final Map<Record, Instant> leases = new HashMap<>();
    /** The records in {@code data}, kept as they change: a quota check per UPDATE must not walk the zone. */
    private int storedCount;
    private long serial;

    Zone(Name apex, boolean userZone, ZoneTemplate template, long serial) {
        this.apex = apex;
        this.userZone = userZone;
        this.template = template;
        this.fixed = template.fixedRecords(apex, userZone);
        this.serial = serial;
    }

    public Name apex() {
        return apex;
    }

    public boolean isUserZone() {
        return userZone;
    }

    public long serial() {
        return serial;
    }

    public SOARecord soa() {
        return template.soa(apex, serial);
    }

    /** The SOA for a negative answer: its TTL is the negative caching TTL (RFC 2308 §3). */
    public SOARecord negativeSoa() {
        SOARecord soa = soa();
        long ttl = Math.min(soa.getTTL(), template.negativeTtl());
        return new SOARecord(apex, soa.getDClass(), ttl, soa.getHost(), soa.getAdmin(), serial, soa.getRefresh(),
                soa.getRetry(), soa.getExpire(), soa.getMinimum());
    }

    /** The records of one type at a name, configured and stored; {@link Type#ANY} gives every type. */
    public List<Record> rrset(Name name, int type) {
        List<Record> result = new ArrayList<>();
        if (name.equals(apex) && (type == Type.SOA || type == Type.ANY)) {
            result.add(soa());
        }
        for (Record r : fixed) {
            if (r.getName().equals(name) && (type == Type.ANY || r.getType() == type)) {
                result.add(r);
            }
        }
        for (Record r : data.getOrDefault(name, List.of())) {
            if (type == Type.ANY || r.getType() == type) {
                result.add(r);
            }
        }
        return result;
    }

    /** True when the name owns records or is an empty non-terminal (RFC 8020: then it exists, with no data). */
    public boolean nameExists(Name name) {
        if (!name.subdomain(apex)) {
            return false;
        }
        if (name.equals(apex)) {
            return true;
        }
        for (Record r : fixed) {
            if (r.getName().subdomain(name)) {
                return true;
            }
        }
        Name next = data.ceilingKey(name);
        return next != null && next.subdomain(name);
    }

    /** True for records the server manages itself and updates may not touch (RFC 2136 §3.4.2.3–4). */
    public boolean isProtected(Name name, int type) {
        if (name.equals(apex) && (type == Type.SOA || type == Type.NS)) {
            return true;
        }
        for (Record r : fixed) {
            if (r.getName().equals(name) && r.getType() == type) {
                return true;
            }
        }
        return false;
    }

    /** True when the server itself serves records at the name (the apex, service SRV names, glue). */
    public boolean hasFixedRecords(Name name) {
        return name.equals(apex) || fixed.stream().anyMatch(r -> r.getName().equals(name));
    }

    /** Every record except the SOA, configured ones first: the body of a zone transfer. */
    public List<Record> allRecords() {
        List<Record> all = new ArrayList<>(fixed);
        data.values().forEach(all::addAll);
        return all;
    }

    /**
     * A copy of the stored records at the given names, for working on an update without touching the
     * zone; an update changes only the names it mentions, so it never needs the rest of the zone.
     */
    public TreeMap<Name, List<Record>> copyData(java.util.Collection<Name> names) {
        TreeMap<Name, List<Record>> copy = new TreeMap<>();
        for (Name name : names) {
            List<Record> records = data.get(name);
            if (records != null) {
                copy.put(name, new ArrayList<>(records));
            }
        }
        return copy;
    }

    /** The stored records at the name and below it. */
    public List<Record> storedAtOrBelow(Name name) {
        List<Record> found = new ArrayList<>();
        for (Map.Entry<Name, List<Record>> entry : data.tailMap(name, true).entrySet()) {
            if (!entry.getKey().subdomain(name)) {
                break;
            }
            found.addAll(entry.getValue());
        }
        return found;
    }

    /** The stored records of one type, anywhere in the zone. */
    public List<Record> storedOfType(int type) {
        List<Record> found = new ArrayList<>();
        for (List<Record> records : data.values()) {
            for (Record r : records) {
                if (r.getType() == type) {
                    found.add(r);
                }
            }
        }
        return found;
    }

    /** How many records updates have stored; the server's own records do not count. */
    public int storedRecordCount() {
        return storedCount;
    }

    public List<Record> storedRecords() {
        List<Record> all = new ArrayList<>();
        data.values().forEach(all::addAll);
        return all;
    }

    public Optional<Instant> leaseOf(Record record) {
        return Optional.ofNullable(leases.get(record));
    }

    public Map<Record, Instant> leases() {
        return Map.copyOf(leases);
    }

    /** Stored records whose lease ended at or before {@code now}. */
    public List<Record> expired(Instant now) {
        List<Record> expired = new ArrayList<>();
        leases.forEach((record, end) -> {
            if (!end.isAfter(now)) {
                expired.add(record);
            }
        });
        return expired;
    }

    void apply(ZoneDelta delta) {
        for (Record r : delta.removed()) {
            remove(r);
            leases.remove(r);
        }
        for (Record r : delta.added()) {
            remove(r);
            data.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r);
            storedCount++;
        }
        delta.unleased().forEach(leases::remove);
        delta.leased().forEach((record, end) -> {
            if (data.getOrDefault(record.getName(), List.of()).contains(record)) {
                leases.put(record, end);
            }
        });
        serial = delta.serial();
    }

    private void remove(Record record) {
        List<Record> records = data.get(record.getName());
        if (records != null && records.remove(record)) {
            storedCount--;
            if (records.isEmpty()) {
                data.remove(record.getName());
            }
        }
    }
}
