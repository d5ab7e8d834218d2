package io.homeward.console.internal.rendezvous;

import java.time.Instant;
import java.util.List;

import org.osgi.service.log.Logger;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.api.rendezvous.StunServerReport;
import io.homeward.api.rendezvous.StunServerStatus;
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
 * @param users     the rendezvous' users and their domain
 * @param watches   the long-lived queries and push subscriptions
 * @param stun      the STUN server
 */
record RendezvousFacts(Instant now, ServiceRead<ListenerFacts> listeners, ServiceRead<List<ZoneFacts>> zones,
        ServiceRead<UserFacts> users, ServiceRead<List<WatchState>> watches, ServiceRead<StunServerReport> stun) {

    /** Reads every service; any of them may be null when it is not running. */
    static RendezvousFacts read(Instant now, DnsListenerStatus listeners, ZoneDirectory zones, AccountService accounts,
            WatchStatus watches, StunServerStatus stun, Logger log) {
        return new RendezvousFacts(now,
                ServiceRead.read(listeners, ListenerFacts::of, RendezvousSource.LISTENERS, log),
                ServiceRead.read(zones, ZoneFacts::all, RendezvousSource.ZONES, log),
                ServiceRead.read(accounts, UserFacts::of, RendezvousSource.USERS, log),
                ServiceRead.read(watches, w -> List.copyOf(w.watches()), RendezvousSource.WATCHES, log),
                ServiceRead.read(stun, StunServerStatus::report, RendezvousSource.STUN, log));
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

    /**
     * The users as one snapshot; only names, zones and dates, never a key.
     *
     * @param domain the domain under which every user gets a zone
     * @param users  every user, as the account service lists them
     */
    record UserFacts(String domain, List<Account> users) {
        static UserFacts of(AccountService accounts) {
            return new UserFacts(accounts.domain(), List.copyOf(accounts.users()));
        }
    }

    /** One zone with its stored records. */
    record ZoneFacts(ZoneSummary summary, List<ZoneRecord> records) {
        static List<ZoneFacts> all(ZoneDirectory directory) {
            return directory.zones().stream().map(z -> new ZoneFacts(z, List.copyOf(directory.records(z.zone())))).toList();
        }
    }
}
