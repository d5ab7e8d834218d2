package io.homeward.rendezvous.dns.internal.zone;

import java.util.List;

import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** What a committed change did to a zone's records, as told to {@link ZoneChangeListener}s. */
public record ZoneChange(Name zone, long serial, List<Record> removed, List<Record> added) {

    public ZoneChange {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }
}
