package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.QueryAnswerTest.name;
import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.BOB;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
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
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/** An UPDATE signed with a host key changes only what rules 1–3 of docs/enrollment.md allow, or nothing at all. */
class HostKeyUpdateTest {
    static final String LAPTOP_TUNNEL = "AutoTunnel-02-1B-63-FF-FE-84-5A-0C";
    static final String DESKTOP_TUNNEL = "AutoTunnel-02-00-00-FF-FE-00-00-01";

    @TempDir
    Path dir;
    ServerFixture f;
    Name laptop;
    Name desktop;

    @BeforeEach
    void setUp() throws IOException {
        f = new ServerFixture(dir);
        laptop = f.enrollHost(ALICE, "laptop", 11);
        desktop = f.enrollHost(ALICE, "desktop", 12);
        f.addToAlice(rr("home", Type.AAAA, "fd00::1"),
                rr("_autotunnel._udp.desktop", Type.SRV, "0 0 4500 " + DESKTOP_TUNNEL),
                rr(DESKTOP_TUNNEL, Type.AAAA, "fd00::2"),
                rr("_homeward._udp", Type.PTR, "desktop"));
    }

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    @Test
    void aHostWritesItsOwnName() {
        assertEquals(Rcode.NOERROR, byLaptop(rr("laptop", Type.AAAA, "fd00::3")));
        assertEquals(1, answers("laptop", Type.AAAA).size());
    }

    @Test
    void aHostWritesItsTunnelSrvAndTheAutoTunnelNameItTargetsInOneUpdate() {
        assertEquals(Rcode.NOERROR, byLaptop(rr("_autotunnel._udp.laptop", Type.SRV, "0 0 4500 " + LAPTOP_TUNNEL),
                rr(LAPTOP_TUNNEL, Type.A, "203.0.113.7"), rr(LAPTOP_TUNNEL, Type.AAAA, "fd00::4"),
                rr(LAPTOP_TUNNEL, Type.TXT, "\"model=test\"")));
        assertEquals(3, answers(LAPTOP_TUNNEL, Type.ANY).size());

        Update later = new Update(ALICE);
        later.replace(rr(LAPTOP_TUNNEL, Type.A, "203.0.113.8"));
        assertEquals(Rcode.NOERROR, signedByLaptop(later), "the SRV in the zone names the AutoTunnel name");
    }

    @Test
    void aHostAddsAndDeletesItsOwnBrowseEntry() {
        assertEquals(Rcode.NOERROR, byLaptop(rr("_homeward._udp", Type.PTR, "laptop")));
        assertEquals(2, answers("_homeward._udp", Type.PTR).size());

        Update delete = new Update(ALICE);
        delete.delete(rr("_homeward._udp", Type.PTR, "laptop"));
        assertEquals(Rcode.NOERROR, signedByLaptop(delete));
        assertEquals(List.of("desktop.alice.members.example."), rdata(answers("_homeward._udp", Type.PTR)));
    }

    @Test
    void prerequisitesMayReadAnyNameOfTheZone() {
        Update update = new Update(ALICE);
        update.present(name("home"), Type.AAAA);
        update.present(name(DESKTOP_TUNNEL));
        update.add(rr("laptop", Type.AAAA, "fd00::3"));
        assertEquals(Rcode.NOERROR, signedByLaptop(update));
    }

    @Test
    void refusesAnotherHostsName() {
        assertRefused(rr("home", Type.AAAA, "fd00::66"), "rule 1");
        assertEquals(List.of("fd00:0:0:0:0:0:0:1"), rdata(answers("home", Type.AAAA)));
    }

    @Test
    void refusesAnotherHostsAutoTunnelNameEvenWithItsOwnSrvPointingThere() {
        assertRefused(rr(DESKTOP_TUNNEL, Type.AAAA, "fd00::66"), "rule 2");
        Update update = new Update(ALICE);
        update.add(rr("_autotunnel._udp.laptop", Type.SRV, "0 0 4500 " + DESKTOP_TUNNEL));
        update.add(rr(DESKTOP_TUNNEL, Type.AAAA, "fd00::66"));
        assertEquals(Rcode.REFUSED, signedByLaptop(update));
        assertEquals(1, answers(DESKTOP_TUNNEL, Type.AAAA).size());
        assertEquals(0, answers("_autotunnel._udp.laptop", Type.SRV).size(), "nothing of the message was applied");
    }

    @Test
    void refusesAnAutoTunnelNameNoSrvOfTheHostTargets() {
        assertRefused(rr(LAPTOP_TUNNEL, Type.AAAA, "fd00::4"), "rule 2");
    }

    @Test
    void refusesDeletingTheBrowseRrsetOrEverythingThere() {
        Update rrset = new Update(ALICE);
        rrset.delete(name("_homeward._udp"), Type.PTR);
        assertEquals(Rcode.REFUSED, signedByLaptop(rrset));
        Update all = new Update(ALICE);
        all.delete(name("_homeward._udp"));
        assertEquals(Rcode.REFUSED, signedByLaptop(all));
        assertEquals(1, answers("_homeward._udp", Type.PTR).size());
        assertTrue(f.log.contains("WARN", "rule 3"));
    }

    @Test
    void refusesABrowseEntryForAnotherHost() {
        assertRefused(rr("_homeward._udp", Type.PTR, "home"), "rule 3");
        Update delete = new Update(ALICE);
        delete.delete(rr("_homeward._udp", Type.PTR, "desktop"));
        assertEquals(Rcode.REFUSED, signedByLaptop(delete));
        assertEquals(1, answers("_homeward._udp", Type.PTR).size());
    }

    @Test
    void refusesTheApexTheServiceRecordsAndTheRevocationList() {
        assertRefused(rr("@", Type.NS, "ns.evil.example."), "rule 1");
        assertRefused(new org.xbill.DNS.SOARecord(ALICE, DClass.IN, 300, name("ns"), name("hostmaster"), 1, 1, 1, 1,
                1), "rule 1");
        assertRefused(rr("_dns-update-tls._tcp", Type.SRV, "0 0 853 evil.example."), "rule 1");
        assertRefused(rr("_est._tcp", Type.SRV, "0 0 443 evil.example."), "rule 1");
        assertRefused(rr("_revoked._homeward", Type.TXT, "\"serial=01\""), "rule 1");
    }

    @Test
    void refusesAnotherUsersZone() {
        Update update = new Update(BOB);
        update.add(rr("laptop", Type.AAAA, 300, "fd00::3", BOB));
        assertEquals(Rcode.REFUSED, signedByLaptop(update));
        assertTrue(f.log.contains("WARN", "may only change its own zone"));
    }

    @Test
    void aMessageWithOneRefusedPartChangesNothing() {
        long serial = f.serial(ALICE);
        assertEquals(Rcode.REFUSED, byLaptop(rr("laptop", Type.AAAA, "fd00::3"), rr("home", Type.AAAA, "fd00::66")));
        assertEquals(0, answers("laptop", Type.AAAA).size());
        assertEquals(serial, f.serial(ALICE));
        assertTrue(f.log.contains("WARN", "key laptop.alice.members.example. may not change home.alice.members.example."
                + " AAAA (rule 1"), f.log.lines().toString());
    }

    @Test
    void theMasterKeyStillChangesAnyNameOfItsZone() {
        Update update = new Update(ALICE);
        update.add(rr("home", Type.AAAA, "fd00::5"));
        update.add(rr(DESKTOP_TUNNEL, Type.AAAA, "fd00::6"));
        update.delete(name("_homeward._udp"), Type.PTR);
        assertEquals(Rcode.NOERROR, f.signedUpdate(update, ALICE).getRcode());
    }

    @Test
    void anotherHostsKeyIsRefusedOnTheLaptopsNames() {
        Update update = new Update(ALICE);
        update.add(rr("laptop", Type.AAAA, "fd00::66"));
        assertEquals(Rcode.REFUSED, f.signedUpdate(update, desktop).getRcode());
    }

    private void assertRefused(Record record, String rule) {
        long serial = f.serial(ALICE);
        assertEquals(Rcode.REFUSED, byLaptop(record), record.toString());
        assertEquals(serial, f.serial(ALICE));
        assertTrue(f.log.contains("WARN", "may not change " + record.getName() + " " + Type.string(record.getType())
                + " (" + rule), f.log.lines().toString());
    }

    private int byLaptop(Record... records) {
        Update update = new Update(ALICE);
        update.add(records);
        return signedByLaptop(update);
    }

    private int signedByLaptop(Update update) {
        return f.signedUpdate(update, laptop).getRcode();
    }

    private List<Record> answers(String relative, int type) {
        return f.query(name(relative), type).getSection(Section.ANSWER);
    }

    private static List<String> rdata(List<Record> records) {
        return records.stream().map(Record::rdataToString).toList();
    }
}
