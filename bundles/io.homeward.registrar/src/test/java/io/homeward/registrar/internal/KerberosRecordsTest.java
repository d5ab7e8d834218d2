package io.homeward.registrar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

/**
 * The KDC's SRV and TXT records: what the UPDATE holds, refresh at 75 % of the lease, retry, withdrawal, and following
 * the KDC as it starts, stops and answers for a renamed host's realm.
 */
class KerberosRecordsTest {
    private static final String REALM = "HOME.ALICE.MEMBERS.EXAMPLE";

    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingLogger log = new RecordingLogger();
    private final List<Message> sent = new ArrayList<>();
    private boolean failing;

    @Test
    void publishesTheSrvRecordsAndTheRealmBelowTheHostsName() {
        Message update = new KerberosRecords("alice.members.example.", "home", REALM).publish(
                Duration.ofSeconds(5400), 7);

        List<String> added = update.getSection(Section.UPDATE).stream()
                .filter(record -> record.getDClass() == DClass.IN).map(record -> record.toString()).toList();
        assertEquals(List.of(
                "_kerberos._tcp.home.alice.members.example.\t120\tIN\tSRV\t0 0 88 home.alice.members.example.",
                "_kerberos._udp.home.alice.members.example.\t120\tIN\tSRV\t0 0 88 home.alice.members.example.",
                "_kerberos.home.alice.members.example.\t120\tIN\tTXT\t" + REALM), added);
        assertEquals(3, update.getSection(Section.UPDATE).stream()
                .filter(record -> record.getDClass() == DClass.ANY).count(), "the old RRsets deleted first");
        assertEquals(Optional.of(Duration.ofSeconds(5400)), LeaseOption.granted(update));
    }

    @Test
    void refreshesRetriesAndWithdraws() {
        KerberosRecordsPublisher publisher = publisher();
        failing = true;
        publisher.publish();
        assertEquals(1, sent.size());
        assertEquals(Optional.of(KerberosRecordsPublisher.RETRY), scheduler.nextDelay());

        failing = false;
        scheduler.advance(KerberosRecordsPublisher.RETRY);
        assertEquals(2, sent.size());
        assertEquals(Optional.of(Duration.ofSeconds(900)), scheduler.nextDelay(), "75 % of the granted 1200 s");
        assertTrue(log.has(LogLevel.INFO, "Published the KDC's records"));

        publisher.withdraw();
        assertEquals(3, sent.size());
        assertEquals(0, sent.get(2).getSection(Section.UPDATE).stream()
                .filter(record -> record.getDClass() == DClass.IN).count(), "deletions only");
        assertEquals(0, scheduler.pending());
    }

    @Test
    void followTheKdcStartingRenamedAndStopping() {
        KerberosRecordsFollower follower = new KerberosRecordsFollower("alice.members.example.", sender(),
                Duration.ofSeconds(5400), scheduler, () -> 1, log.logger());

        follower.kdcChanged(Optional.of(REALM));
        assertEquals(List.of("+_kerberos.home.alice.members.example."), names(sent));
        follower.kdcChanged(Optional.empty());
        assertEquals(List.of("-_kerberos.home.alice.members.example."), names(sent.subList(1, 2)));
        assertEquals(0, scheduler.pending(), "the old realm's refresh is cancelled");
        follower.kdcChanged(Optional.of("DEN.ALICE.MEMBERS.EXAMPLE"));
        assertEquals(List.of("+_kerberos.den.alice.members.example."), names(sent.subList(2, 3)));
        assertEquals("0 0 88 den.alice.members.example.", srv(sent.get(2)));

        scheduler.advance(Duration.ofSeconds(900));
        assertEquals(List.of("+_kerberos.den.alice.members.example."), names(sent.subList(3, 4)), "refreshed");

        follower.stop();
        assertEquals(List.of("-_kerberos.den.alice.members.example."), names(sent.subList(4, 5)));
        assertEquals(0, scheduler.pending());
        follower.kdcChanged(Optional.of(REALM));
        assertEquals(5, sent.size(), "stopped: follows no more");
    }

    @Test
    void aKdcWithoutItsHostsRealmPublishesNothing() {
        KerberosRecordsFollower follower = new KerberosRecordsFollower("alice.members.example.", sender(),
                Duration.ofSeconds(5400), scheduler, () -> 1, log.logger());

        follower.kdcChanged(Optional.of("HOME.BOB.MEMBERS.EXAMPLE"));
        follower.kdcChanged(Optional.of("ALICE.MEMBERS.EXAMPLE"));

        assertEquals(List.of(), sent);
        assertTrue(log.has(LogLevel.ERROR, "is not a host's name in zone alice.members.example."));
    }

    /** "+" and the TXT record's name for an UPDATE that adds the records, "-" and it for one that only deletes. */
    private static List<String> names(List<Message> updates) {
        return updates.stream().map(update -> {
            boolean adds = update.getSection(Section.UPDATE).stream().anyMatch(r -> r.getDClass() == DClass.IN);
            return (adds ? "+" : "-") + update.getSection(Section.UPDATE).stream()
                    .filter(r -> r.getType() == Type.TXT).findFirst().orElseThrow().getName();
        }).toList();
    }

    private static String srv(Message update) {
        return update.getSection(Section.UPDATE).stream().filter(r -> r.getType() == Type.SRV
                && r.getDClass() == DClass.IN).findFirst().orElseThrow().rdataToString();
    }

    private KerberosRecordsPublisher.Sender sender() {
        return (update, lease) -> {
            sent.add(update);
            if (failing) {
                throw new UpdateFailure("the update server is away");
            }
            return new UpdateSender.Granted(Duration.ofSeconds(1200), "[fd00::53]:853");
        };
    }

    private KerberosRecordsPublisher publisher() {
        return new KerberosRecordsPublisher(new KerberosRecords("alice.members.example.", "home", REALM), sender(),
                Duration.ofSeconds(5400), scheduler, () -> 1, log.logger());
    }
}
