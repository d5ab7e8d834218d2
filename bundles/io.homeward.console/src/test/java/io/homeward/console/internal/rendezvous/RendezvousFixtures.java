package io.homeward.console.internal.rendezvous;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xbill.DNS.Type;

import io.homeward.api.accounts.Account;
import io.homeward.api.accounts.AccountService;
import io.homeward.api.dns.DnsTransport;
import io.homeward.api.rendezvous.DnsListenerStatus;
import io.homeward.api.rendezvous.ListenerState;
import io.homeward.api.rendezvous.StunServerReport;
import io.homeward.api.rendezvous.WatchState;
import io.homeward.api.rendezvous.WatchStatus;
import io.homeward.api.rendezvous.ZoneDirectory;
import io.homeward.api.rendezvous.ZoneRecord;
import io.homeward.api.rendezvous.ZoneSummary;
import io.homeward.api.watch.WatchMechanism;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.UsersOnlyAccounts;

/** A small rendezvous: user alice with a host "laptop", one empty zone, three listeners, two watches. */
public final class RendezvousFixtures {
    static final Instant NOW = Instant.parse("2026-11-21T10:05:00Z");
    static final StunServerReport STUN = new StunServerReport("listening on UDP 0.0.0.0:3478", 7, 2);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ALICE = "alice.members.example.";
    static final String FINGERPRINT = "3A:7F:00:C2:91:5E:AB:10:44:8D:E2:0F:6B:93:C7:21:"
            + "58:FA:0E:D4:36:B1:7C:99:02:EE:41:5D:A8:63:1F:C0";

    private RendezvousFixtures() {
    }

    static ZoneDirectory zones() {
        Map<ZoneSummary, List<ZoneRecord>> zones = new LinkedHashMap<>();
        zones.put(new ZoneSummary(ALICE, 2026112107L, 3), List.of(
                new ZoneRecord("_autotunnel._udp.laptop." + ALICE, Type.SRV, 60,
                        "0 0 4500 AutoTunnel-02-1B-63-FF-FE-84-5A-0C." + ALICE, Optional.of(NOW.minusSeconds(180))),
                new ZoneRecord("laptop." + ALICE, Type.AAAA, 60, "fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c",
                        Optional.of(NOW.plus(Duration.ofSeconds(4350)))),
                new ZoneRecord(ALICE, Type.TXT, 3600, "\"hello\"", Optional.empty())));
        zones.put(new ZoneSummary("bob.members.example.", 1L, 0), List.of());
        return directory(zones);
    }

    static ZoneDirectory directory(Map<ZoneSummary, List<ZoneRecord>> zones) {
        return new ZoneDirectory() {
            @Override
            public List<ZoneSummary> zones() {
                return List.copyOf(zones.keySet());
            }

            @Override
            public List<ZoneRecord> records(String zone) {
                return zones.entrySet().stream().filter(e -> e.getKey().zone().equals(zone)).findFirst()
                        .map(Map.Entry::getValue).orElse(List.of());
            }
        };
    }

    /** A zone directory whose provider is stopping: every call fails. */
    static ZoneDirectory failingZones() {
        return new ZoneDirectory() {
            @Override
            public List<ZoneSummary> zones() {
                throw new IllegalStateException("zone store closed");
            }

            @Override
            public List<ZoneRecord> records(String zone) {
                throw new IllegalStateException("zone store closed");
            }
        };
    }

    static DnsListenerStatus listeners() {
        return listeners(List.of(
                new ListenerState(DnsTransport.UDP, "127.0.0.1:8053", 0, 0, 0),
                new ListenerState(DnsTransport.TCP, "127.0.0.1:8053", 2, 0, 1),
                new ListenerState(DnsTransport.TLS, "127.0.0.1:8853", 1, 5, 0)), FINGERPRINT);
    }

    static DnsListenerStatus listeners(List<ListenerState> listeners, String fingerprint) {
        return new DnsListenerStatus() {
            @Override
            public List<ListenerState> listeners() {
                return listeners;
            }

            @Override
            public String tlsFingerprint() {
                return fingerprint;
            }
        };
    }

    static WatchStatus watches() {
        return () -> List.of(
                new WatchState(WatchMechanism.LLQ_UDP, "192.0.2.10:5353", ALICE, "laptop." + ALICE, Type.AAAA,
                        Optional.of(NOW.plus(Duration.ofHours(2))), Optional.of(NOW.minusSeconds(45)), 1),
                new WatchState(WatchMechanism.DNS_PUSH, "192.0.2.11:40001", ALICE, "_autotunnel._udp.laptop." + ALICE,
                        Type.SRV,
                        Optional.empty(), Optional.empty(), 0));
    }

    static AccountService accounts() {
        return accounts(List.of(new Account("alice", ALICE, Instant.parse("2026-11-01T08:00:00Z"),
                Instant.parse("2026-11-20T09:30:00.250Z"))));
    }

    /** Only what the views read; changes are not theirs to make. */
    static AccountService accounts(List<Account> users) {
        return new UsersOnlyAccounts() {
            @Override
            public String domain() {
                return "members.example.";
            }

            @Override
            public Account addUser(String user, char[] password) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Account setPassword(String user, char[] password) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean removeUser(String user) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<Account> users() {
                return users;
            }

        };
    }

    static RendezvousFacts facts(RecordingLogger log) {
        return RendezvousFacts.read(NOW, listeners(), zones(), accounts(), watches(), () -> STUN, log.logger());
    }
}
