package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.BOB;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
import static io.homeward.rendezvous.dns.internal.QueryAnswerTest.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.api.dns.DnsTransport;

class UpdateTest {
    static final Name HOST = name("host");

    @TempDir
    Path dir;
    ServerFixture f;

    @BeforeEach
    void setUp() throws IOException {
        f = new ServerFixture(dir);
        f.addToAlice(rr("host", Type.A, "203.0.113.1"), rr("host", Type.A, "203.0.113.2"),
                rr("host", Type.TXT, "\"v=1\""));
    }

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    @Test
    void addsRecordsAndBumpsSerialOnce() {
        long before = f.serial(ALICE);
        Update update = new Update(ALICE);
        update.add(rr("new", Type.A, "203.0.113.9"));
        update.add(rr("new", Type.AAAA, "fd00::9"));
        update.add(rr("other", Type.TXT, "\"t\""));
        assertEquals(Rcode.NOERROR, f.signedUpdate(update).getRcode());
        assertEquals(before + 1, f.serial(ALICE));
        assertEquals(1, answers(name("new"), Type.A).size());
        assertEquals(1, answers(name("other"), Type.TXT).size());
    }

    @Test
    void noChangeLeavesSerialAlone() {
        long before = f.serial(ALICE);
        Update update = new Update(ALICE);
        update.add(rr("host", Type.A, "203.0.113.1"));
        assertEquals(Rcode.NOERROR, f.signedUpdate(update).getRcode());
        assertEquals(before, f.serial(ALICE));
    }

    @Test
    void deletesOneRecordOneRrsetOrAllRrsetsOfAName() {
        Update one = new Update(ALICE);
        one.delete(rr("host", Type.A, "203.0.113.1"));
        assertEquals(Rcode.NOERROR, f.signedUpdate(one).getRcode());
        assertEquals(List.of("203.0.113.2"), rdata(answers(HOST, Type.A)));

        Update rrset = new Update(ALICE);
        rrset.delete(HOST, Type.A);
        assertEquals(Rcode.NOERROR, f.signedUpdate(rrset).getRcode());
        assertTrue(answers(HOST, Type.A).isEmpty());
        assertEquals(1, answers(HOST, Type.TXT).size());

        Update all = new Update(ALICE);
        all.delete(HOST);
        assertEquals(Rcode.NOERROR, f.signedUpdate(all).getRcode());
        assertEquals(Rcode.NXDOMAIN, f.query(HOST, Type.TXT).getRcode());
    }

    @Test
    void prerequisiteRrsetExistsValueIndependent() {
        assertPrereq(u -> u.present(HOST, Type.A), Rcode.NOERROR);
        assertPrereq(u -> u.present(HOST, Type.AAAA), Rcode.NXRRSET);
    }

    @Test
    void prerequisiteRrsetExistsValueDependent() {
        assertPrereq(u -> {
            u.present(rr("host", Type.A, 0, "203.0.113.1", ALICE));
            u.present(rr("host", Type.A, 0, "203.0.113.2", ALICE));
        }, Rcode.NOERROR);
        assertPrereq(u -> u.present(rr("host", Type.A, 0, "203.0.113.1", ALICE)), Rcode.NXRRSET);
    }

    @Test
    void prerequisiteRrsetDoesNotExist() {
        assertPrereq(u -> u.absent(HOST, Type.AAAA), Rcode.NOERROR);
        assertPrereq(u -> u.absent(HOST, Type.A), Rcode.YXRRSET);
    }

    @Test
    void prerequisiteNameInUse() {
        assertPrereq(u -> u.present(HOST), Rcode.NOERROR);
        assertPrereq(u -> u.present(name("ghost")), Rcode.NXDOMAIN);
    }

    @Test
    void prerequisiteNameNotInUse() {
        assertPrereq(u -> u.absent(name("ghost")), Rcode.NOERROR);
        assertPrereq(u -> u.absent(HOST), Rcode.YXDOMAIN);
    }

    @Test
    void prerequisiteWithTtlIsFormerr() {
        Update update = new Update(ALICE);
        update.addRecord(Record.newRecord(HOST, Type.A, DClass.ANY, 5), Section.PREREQ);
        assertEquals(Rcode.FORMERR, f.signedUpdate(update).getRcode());
    }

    @Test
    void failingMessageChangesNothing() {
        long before = f.serial(ALICE);
        Update update = new Update(ALICE);
        update.add(rr("fresh", Type.A, "203.0.113.50"));
        update.delete(HOST);
        update.addRecord(Record.newRecord(name("x"), Type.A, DClass.CH, 0), Section.UPDATE);
        assertEquals(Rcode.FORMERR, f.signedUpdate(update).getRcode());
        assertEquals(before, f.serial(ALICE));
        assertEquals(2, answers(HOST, Type.A).size());
        assertEquals(Rcode.NXDOMAIN, f.query(name("fresh"), Type.A).getRcode());

        Update failedPrereq = new Update(ALICE);
        failedPrereq.absent(HOST);
        failedPrereq.delete(HOST);
        assertEquals(Rcode.YXDOMAIN, f.signedUpdate(failedPrereq).getRcode());
        assertEquals(2, answers(HOST, Type.A).size());
    }

    @Test
    void apexSoaAndNsAreProtected() {
        long before = f.serial(ALICE);
        Update update = new Update(ALICE);
        update.delete(ALICE, Type.SOA);
        update.delete(ALICE, Type.NS);
        update.add(rr("@", Type.NS, "evil.example."));
        assertEquals(Rcode.NOERROR, f.signedUpdate(update).getRcode());
        assertEquals(before, f.serial(ALICE));
        assertEquals(List.of(ServerFixture.NS.toString()), rdata(answers(ALICE, Type.NS)));

        Update all = new Update(ALICE);
        all.delete(ALICE);
        assertEquals(Rcode.NOERROR, f.signedUpdate(all).getRcode());
        assertEquals(1, answers(ALICE, Type.SOA).size());
    }

    @Test
    void cnameAndOtherDataDoNotMix() {
        Update update = new Update(ALICE);
        update.add(rr("host", Type.CNAME, "elsewhere"));
        assertEquals(Rcode.NOERROR, f.signedUpdate(update).getRcode());
        assertTrue(answers(HOST, Type.CNAME).isEmpty());
    }

    @Test
    void nameOutsideTheZoneIsNotzone() {
        Update update = new Update(ALICE);
        update.add(rr("www.example.org.", Type.A, "203.0.113.3"));
        assertEquals(Rcode.NOTZONE, f.signedUpdate(update).getRcode());
        Update prereq = new Update(ALICE);
        prereq.present(Name.fromConstantString("host.bob.members.example."));
        assertEquals(Rcode.NOTZONE, f.signedUpdate(prereq).getRcode());
    }

    @Test
    void unknownZoneIsNotauth() {
        Update update = new Update(Name.fromConstantString("carol.members.example."));
        update.add(rr("x.carol.members.example.", Type.A, "203.0.113.3"));
        assertEquals(Rcode.NOTAUTH, f.signedUpdate(update, ALICE).getRcode());
    }

    @Test
    void zoneSectionMustBeOneSoa() {
        Message wrongType = new Message();
        wrongType.getHeader().setOpcode(Opcode.UPDATE);
        wrongType.addRecord(Record.newRecord(ALICE, Type.A, DClass.IN), Section.ZONE);
        assertEquals(Rcode.FORMERR, f.signedUpdate(wrongType, ALICE).getRcode());
        Message twoZones = new Update(ALICE);
        twoZones.addRecord(Record.newRecord(BOB, Type.SOA, DClass.IN), Section.ZONE);
        assertEquals(Rcode.FORMERR, f.signedUpdate(twoZones, ALICE).getRcode());
    }

    @Test
    void metaTypeInAddIsFormerr() {
        Update update = new Update(ALICE);
        update.addRecord(Record.newRecord(HOST, Type.ANY, DClass.IN, 300), Section.UPDATE);
        assertEquals(Rcode.FORMERR, f.signedUpdate(update).getRcode());
    }

    @Test
    void metaTypesAreFormerrInEveryAddOrDeleteForm() {
        // RFC 6895 §3.1: types 0 and 128..255 are meta-types or QTYPEs and never data.
        for (int type : new int[] {0, 128, Type.TKEY, Type.TSIG, Type.IXFR, Type.MAILA}) {
            for (int dclass : new int[] {DClass.IN, DClass.NONE, DClass.ANY}) {
                Update update = new Update(ALICE);
                long ttl = dclass == DClass.IN ? 300 : 0;
                update.addRecord(Record.newRecord(HOST, type, dclass, ttl), Section.UPDATE);
                assertEquals(Rcode.FORMERR, f.signedUpdate(update).getRcode(),
                        Type.string(type) + " in class " + DClass.string(dclass));
            }
        }
        assertEquals(2, answers(HOST, Type.A).size(), "nothing was applied");
    }

    @Test
    void deletesWithClassAnyOrNoneStillWork() {
        Update rrset = new Update(ALICE);
        rrset.delete(HOST, Type.TXT);
        assertEquals(Rcode.NOERROR, f.signedUpdate(rrset).getRcode());
        Update one = new Update(ALICE);
        one.delete(rr("host", Type.A, "203.0.113.1"));
        assertEquals(Rcode.NOERROR, f.signedUpdate(one).getRcode());
        assertEquals(1, answers(HOST, Type.A).size());
        Update all = new Update(ALICE);
        all.delete(HOST);
        assertEquals(Rcode.NOERROR, f.signedUpdate(all).getRcode());
        assertEquals(Rcode.NXDOMAIN, f.query(HOST, Type.A).getRcode());
    }

    @Test
    void unsignedUpdateIsRefused() {
        Update update = new Update(ALICE);
        update.add(rr("new", Type.A, "203.0.113.9"));
        assertEquals(Rcode.REFUSED, f.send(update, DnsTransport.UDP).getRcode());
        assertEquals(Rcode.NXDOMAIN, f.query(name("new"), Type.A).getRcode());
    }

    @Test
    void keyMayOnlyChangeItsOwnZone() {
        Update update = new Update(BOB);
        update.add(rr("evil.bob.members.example.", Type.A, "203.0.113.66"));
        Message response = f.signedUpdate(update, ALICE);
        assertEquals(Rcode.REFUSED, response.getRcode());
        assertTrue(f.log.contains("WARN", "key alice.members.example. may only change its own zone, it tried"
                + " bob.members.example."), f.log.lines().toString());
        Update domain = new Update(ServerFixture.DOMAIN);
        domain.add(rr("evil.members.example.", Type.A, "203.0.113.66"));
        assertEquals(Rcode.REFUSED, f.signedUpdate(domain, ALICE).getRcode());
    }

    private void assertPrereq(java.util.function.Consumer<Update> prerequisites, int expected) {
        long before = f.serial(ALICE);
        Update update = new Update(ALICE);
        prerequisites.accept(update);
        update.add(rr("marker", Type.TXT, "\"" + before + "\""));
        assertEquals(Rcode.string(expected), Rcode.string(f.signedUpdate(update).getRcode()));
        boolean applied = !answers(name("marker"), Type.TXT).isEmpty();
        assertEquals(expected == Rcode.NOERROR, applied, "the update applies exactly when the prerequisites hold");
        Update cleanup = new Update(ALICE);
        cleanup.delete(name("marker"));
        f.signedUpdate(cleanup);
    }

    private List<Record> answers(Name name, int type) {
        return f.query(name, type).getSection(Section.ANSWER);
    }

    private static List<String> rdata(List<Record> records) {
        return records.stream().map(Record::rdataToString).toList();
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCacheUntilAnUpdateChangesTheAnswer() throws Exception {
        Name laptop = Name.fromString("laptop.alice.members.example.");
        assertEquals(Rcode.NXDOMAIN, f.query(laptop, Type.AAAA).getRcode());
        assertEquals(Rcode.NXDOMAIN, f.query(laptop, Type.AAAA).getRcode(), "answered again, from the cache");
        f.addToAlice(rr("laptop", Type.AAAA, "fd00::1"));
        Message after = f.query(laptop, Type.AAAA);
        assertEquals(Rcode.NOERROR, after.getRcode(), "the update made the cached NXDOMAIN stale");
        assertEquals(1, after.getSection(Section.ANSWER).size());
    }
}
