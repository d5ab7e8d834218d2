package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.BOB;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
import static io.homeward.rendezvous.dns.internal.QueryAnswerTest.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.api.dns.DnsTransport;

class JournalTest {
    @TempDir
    Path dir;
    ServerFixture f;

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    @Test
    void replaysUpdatesAndLeasesAfterRestart() throws IOException {
        f = new ServerFixture(dir);
        f.addToAlice(rr("one", Type.A, "203.0.113.1"));
        leased("two", 600);
        long serial = f.serial(ALICE);

        f.restart();

        assertEquals(serial, f.serial(ALICE));
        assertEquals(1, answers(name("one"), Type.A));
        assertEquals(1, answers(name("two"), Type.A));
        f.clock.advance(Duration.ofSeconds(599));
        assertEquals(0, f.expireLeases());
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(1, f.expireLeases(), "the lease kept its absolute end across the restart");
        assertEquals(1, answers(name("one"), Type.A));
    }

    @Test
    void garbageAfterTheLastRecordIsCutOff() throws IOException {
        f = new ServerFixture(dir);
        f.addToAlice(rr("one", Type.A, "203.0.113.1"));
        Path journal = dir.resolve("journal.log");
        long intact = Files.size(journal);
        Files.write(journal, new byte[] {0, 0, 0, 40, 1, 2, 3, 4, 5, 6, 7}, StandardOpenOption.APPEND);

        f.restart();

        assertEquals(1, answers(name("one"), Type.A));
        assertEquals(intact, Files.size(journal));
        assertTrue(f.log.contains("WARN", "Cut 11 damaged bytes"), f.log.lines().toString());
        f.addToAlice(rr("two", Type.A, "203.0.113.2"));
        f.restart();
        assertEquals(1, answers(name("one"), Type.A));
        assertEquals(1, answers(name("two"), Type.A), "appends after the cut are readable");
    }

    @Test
    void recordCutInHalfLosesOnlyItself() throws IOException {
        f = new ServerFixture(dir);
        f.addToAlice(rr("one", Type.A, "203.0.113.1"));
        Path journal = dir.resolve("journal.log");
        long before = Files.size(journal);
        f.addToAlice(rr("two", Type.A, "203.0.113.2"));
        long after = Files.size(journal);
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            channel.truncate(before + (after - before) / 2);
        }

        f.restart();

        assertEquals(1, answers(name("one"), Type.A));
        assertEquals(Rcode.NXDOMAIN, f.query(name("two"), Type.A).getRcode());
        assertEquals(before, Files.size(journal));
    }

    @Test
    void flippedByteFailsTheChecksum() throws IOException {
        f = new ServerFixture(dir);
        f.addToAlice(rr("one", Type.A, "203.0.113.1"));
        Path journal = dir.resolve("journal.log");
        long before = Files.size(journal);
        f.addToAlice(rr("two", Type.A, "203.0.113.2"));
        byte[] bytes = Files.readAllBytes(journal);
        bytes[bytes.length - 3] ^= 0x40;
        Files.write(journal, bytes);

        f.restart();

        assertEquals(1, answers(name("one"), Type.A));
        assertEquals(Rcode.NXDOMAIN, f.query(name("two"), Type.A).getRcode());
        assertEquals(before, Files.size(journal));
    }

    @Test
    void compactsIntoASnapshotAndRestoresFromIt() throws IOException {
        f = new ServerFixture(dir, ServerFixture.settings(600, 1000, 1000, List.of()));
        for (int i = 0; i < 10; i++) {
            f.addToAlice(rr("host" + i, Type.A, "203.0.113." + i));
        }
        leased("leased", 600);
        long serial = f.serial(ALICE);
        assertTrue(Files.exists(dir.resolve("snapshot.dat")));
        assertTrue(Files.size(dir.resolve("journal.log")) <= 600, "the journal was emptied by compaction");

        f.restart();

        assertEquals(serial, f.serial(ALICE));
        for (int i = 0; i < 10; i++) {
            assertEquals(1, answers(name("host" + i), Type.A), "host" + i);
        }
        f.clock.advance(Duration.ofSeconds(600));
        assertEquals(1, f.expireLeases(), "the snapshot kept the lease");
    }

    @Test
    void zoneRemovalIsJournaled() throws IOException {
        f = new ServerFixture(dir);
        assertTrue(f.server.zones().removeZone(BOB));
        f.restart();
        Message response = f.query(Name.fromConstantString("_dns-update-tls._tcp.bob.members.example."), Type.SRV);
        assertEquals(Rcode.NXDOMAIN, response.getRcode(), "bob's zone is gone; the domain zone answers");
        assertEquals(Type.SOA, f.query(ALICE, Type.SOA).getSection(Section.ANSWER).get(0).getType());
    }

    @Test
    void updateThatChangesNothingJournalsNothingAndIsAnsweredOnceTheJournalIsFlushed() throws IOException {
        f = new ServerFixture(dir);
        Path journal = dir.resolve("journal.log");
        long before = Files.size(journal);
        Update update = new Update(ALICE);
        update.delete(name("nobody"), Type.A);
        f.clientKey(ALICE, TSIG.HMAC_SHA256).apply(update, null);
        FakeResponder responder = new FakeResponder(DnsTransport.TCP);
        f.server.requests().handle(update.toWire(), responder);
        assertEquals(Rcode.NOERROR, responder.only().getRcode(), "answered by the group commit's flush");
        assertEquals(before, Files.size(journal), "nothing was journaled");
    }

    @Test
    void updateThatCannotBeJournaledIsNotAcknowledged() throws IOException {
        f = new ServerFixture(dir);
        f.server.close();
        Update update = new Update(ALICE);
        update.add(rr("lost", Type.A, "203.0.113.9"));
        assertEquals(Rcode.SERVFAIL, f.signedUpdate(update).getRcode());
        assertEquals(Rcode.NXDOMAIN, f.send(org.xbill.DNS.Message.newQuery(org.xbill.DNS.Record.newRecord(
                name("lost"), Type.A, org.xbill.DNS.DClass.IN)), DnsTransport.UDP).getRcode());
        f.server = f.newServer();
    }

    private void leased(String host, long lease) {
        Update update = new Update(ALICE);
        update.add(rr(host, Type.A, "203.0.113.77"));
        update.addRecord(ServerFixture.leaseOpt(lease), Section.ADDITIONAL);
        assertEquals(Rcode.NOERROR, f.signedUpdate(update).getRcode());
    }

    private int answers(Name name, int type) {
        return f.query(name, type).getSection(Section.ANSWER).size();
    }
}
