package io.homeward.rendezvous.dns.internal.zone;

import org.xbill.DNS.Name;

/** What the journal records: zones coming and going, and changes to their records. */
public sealed interface JournalEntry {

    Name zone();

    record ZoneAdded(Name zone, long serial) implements JournalEntry {
    }

    record ZoneRemoved(Name zone) implements JournalEntry {
    }

    record ZoneChanged(Name zone, ZoneDelta delta) implements JournalEntry {
    }
}
