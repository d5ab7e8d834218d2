package io.homeward.rendezvous.console.internal;

import java.time.Instant;
import java.util.List;

import org.osgi.service.log.Logger;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.rendezvous.WatchStatus;
import io.homeward.api.rendezvous.ZoneDirectory;
import io.homeward.api.rendezvous.ZoneRecord;
import io.homeward.api.rendezvous.ZoneSummary;

/**
 * What the console page shows, read once per request so the HTML and the JSON agree.
 *
 * @param now       the instant relative times are measured from
 * @param listeners the DNS listeners and the TLS fingerprint
 * @param zones     every zone with its records
 * @param users     the rendezvous' users
 * @param watches   the long-lived queries and push subscriptions
 */
record RendezvousFacts(Instant now, Section<ListenerFacts> listeners, Section<List<ZoneFacts>> zones,
        Section<List<Account>> users, Section<List<WatchState>> watches) {

    /** Reads every service; any of them may be null when it is not running. */
    static RendezvousFacts read(Instant now, DnsListenerStatus listeners, ZoneDirectory zones, AccountService accounts,
            WatchStatus watches, Logger log) {
        return new RendezvousFacts(now,
                Section.read(listeners, ListenerFacts::of, Source.LISTENERS, log),
                Section.read(zones, ZoneFacts::all, Source.ZONES, log),
                Section.read(accounts, a -> List.copyOf(a.users()), Source.USERS, log),
                Section.read(watches, w -> List.copyOf(w.watches()), Source.WATCHES, log));
    }

    /**
     * The listeners as one snapshot.
     *
     * @param listeners      every bound listener
     * @param tlsFingerprint SHA-256 of the TLS certificate agents pin; null or blank without TLS
     */
    record ListenerFacts(List<ListenerState> listeners, String tlsFingerprint) {
        static ListenerFacts of(DnsListenerStatus status) {
            return new ListenerFacts(List.copyOf(status.listeners()), status.tlsFingerprint());
        }

        boolean hasFingerprint() {
            return tlsFingerprint != null && !tlsFingerprint.isBlank();
        }
    }

    /** One zone with its stored records. */
    record ZoneFacts(ZoneSummary summary, List<ZoneRecord> records) {
        static List<ZoneFacts> all(ZoneDirectory directory) {
            return directory.zones().stream().map(z -> new ZoneFacts(z, List.copyOf(directory.records(z.zone())))).toList();
        }
    }
}
