package io.homeward.registrar.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.api.registration.HostRecordSet;

/**
 * Builds the RFC 2136 UPDATE messages of the registrar. A publish has no prerequisites, so it works the
 * same as a first registration, a refresh and a re-registration after the server lost its state
 * (RFC 9664 §4.3 advice). It first deletes every RRset this host owns and then adds the new records,
 * so a republish replaces and never accumulates (RFC 2136 §3.4.2 applies updates in order).
 */
final class UpdateMessages {
    private UpdateMessages() {
    }

    /**
     * The publish UPDATE for {@code set}; {@code previous} is the set published before, whose records are
     * deleted too when its names differ (a renamed host or a new EUI-64 must not leave old names behind).
     */
    static Message publish(HostRecordSet set, Optional<HostRecordSet> previous, Duration lease, int id) {
        PublishedRecords records = new PublishedRecords(set);
        Update update = new Update(records.zone);
        update.getHeader().setID(id);
        List<PublishedRecords> owned = new ArrayList<>();
        previous.filter(old -> old.zone().equalsIgnoreCase(set.zone()))
                .map(PublishedRecords::new).ifPresent(owned::add);
        owned.add(records);
        Set<String> deleted = new LinkedHashSet<>();
        owned.forEach(each -> deleteOwned(update, each, deleted));
        records.additions().forEach(update::add);
        update.addRecord(LeaseOption.request(lease), Section.ADDITIONAL);
        return update;
    }

    /** Deletes everything {@code set} owns; no lease, since removals are permanent (RFC 9664 §4.3). */
    static Message withdraw(HostRecordSet set, int id) {
        PublishedRecords records = new PublishedRecords(set);
        Update update = new Update(records.zone);
        update.getHeader().setID(id);
        deleteOwned(update, records, new LinkedHashSet<>());
        return update;
    }

    /** RFC 2136 §2.5.2 (class ANY: whole RRset) for the host's own names, §2.5.4 (class NONE) for its PTR. */
    private static void deleteOwned(Update update, PublishedRecords records, Set<String> done) {
        deleteRrset(update, records.autoTunnelService, Type.SRV, done);
        deleteRrset(update, records.autoTunnelTarget, Type.A, done);
        deleteRrset(update, records.autoTunnelTarget, Type.AAAA, done);
        deleteRrset(update, records.autoTunnelTarget, Type.TXT, done);
        deleteRrset(update, records.host, Type.AAAA, done);
        if (done.add(records.browsePointer().toString())) {
            update.delete(records.browsePointer());
        }
    }

    private static void deleteRrset(Update update, Name name, int type, Set<String> done) {
        if (done.add(name.toString().toLowerCase(Locale.ROOT) + "/" + type)) {
            update.delete(name, type);
        }
    }
}
