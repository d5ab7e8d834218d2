package io.homeward.rendezvous.dns.internal.update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** What changed between two versions of a zone's stored records; a TTL change counts as remove + add. */
record RecordDiff(List<Record> removed, List<Record> added) {

    static RecordDiff between(Map<Name, List<Record>> before, Map<Name, List<Record>> after) {
        Map<Record, Record> old = index(before);
        Map<Record, Record> now = index(after);
        List<Record> removed = new ArrayList<>();
        List<Record> added = new ArrayList<>();
        old.forEach((key, record) -> {
            Record current = now.get(key);
            if (current == null || current.getTTL() != record.getTTL()) {
                removed.add(record);
            }
        });
        now.forEach((key, record) -> {
            Record previous = old.get(key);
            if (previous == null || previous.getTTL() != record.getTTL()) {
                added.add(record);
            }
        });
        return new RecordDiff(removed, added);
    }

    /** Record equality ignores the TTL, so the map finds a record's other version. */
    private static Map<Record, Record> index(Map<Name, List<Record>> records) {
        Map<Record, Record> index = new HashMap<>();
        records.values().forEach(list -> list.forEach(r -> index.put(r, r)));
        return index;
    }
}
