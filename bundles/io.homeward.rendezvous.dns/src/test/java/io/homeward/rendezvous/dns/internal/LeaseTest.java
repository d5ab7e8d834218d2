package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
import static io.homeward.rendezvous.dns.internal.QueryAnswerTest.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.rendezvous.dns.internal.zone.ZoneChange;

class LeaseTest {
    @TempDir
    Path dir;
    ServerFixture f;
    final List<ZoneChange> changes = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        f = new ServerFixture(dir);
        f.server.zones().addListener(changes::add);
    }

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    @Test
    void grantsTheRequestedLeaseInsideTheRange() {
        assertEquals(3600, grantedLease(register("a", 3600)));
    }

    @Test
    void clampsLeasesToTheConfiguredRange() {
        assertEquals(7200, grantedLease(register("a", 86_400)));
        assertEquals(60, grantedLease(register("b", 5)));
    }

    @Test
    void answersEightByteFormWithEightBytes() {
        Update update = new Update(ALICE);
        update.add(rr("k", Type.A, "203.0.113.5"));
        ByteBuffer data = ByteBuffer.allocate(8).putInt(3600).putInt(604_800);
        update.addRecord(new OPTRecord(1440, 0, 0, 0, List.<EDNSOption>of(new GenericEDNSOption(2, data.array()))),
                Section.ADDITIONAL);
        Message response = f.signedUpdate(update);
        byte[] option = response.getOPT().getOptions(2).get(0).toWire();
        assertEquals(12, option.length);
        ByteBuffer granted = ByteBuffer.wrap(option, 4, 8);
        assertEquals(3600, granted.getInt());
        assertEquals(7200, granted.getInt());
    }

    @Test
    void malformedLeaseOptionIsFormerr() {
        Update update = new Update(ALICE);
        update.add(rr("k", Type.A, "203.0.113.5"));
        update.addRecord(new OPTRecord(1440, 0, 0, 0, List.<EDNSOption>of(new GenericEDNSOption(2, new byte[3]))),
                Section.ADDITIONAL);
        assertEquals(Rcode.FORMERR, f.signedUpdate(update).getRcode());
    }

    @Test
    void expiryRemovesExactlyTheRecordsOfThatUpdateWithOneSerialBump() throws IOException {
        f.addToAlice(rr("permanent", Type.TXT, "\"stays\""));
        register("short", 600);
        f.clock.advance(Duration.ofSeconds(300));
        register("long", 3600);
        long serial = f.serial(ALICE);
        changes.clear();

        f.clock.advance(Duration.ofSeconds(299));
        assertEquals(0, f.expireLeases(), "nothing is due a second early");
        f.clock.advance(Duration.ofSeconds(1));
        assertEquals(2, f.expireLeases());

        assertEquals(Rcode.NXDOMAIN, f.query(name("short"), Type.A).getRcode());
        assertEquals(Rcode.NXDOMAIN, f.query(name("srv.short"), Type.SRV).getRcode());
        assertEquals(Rcode.NOERROR, f.query(name("long"), Type.A).getRcode());
        assertEquals(1, f.query(name("permanent"), Type.TXT).getSection(Section.ANSWER).size());
        assertEquals(serial + 1, f.serial(ALICE));
        assertEquals(1, changes.size());
        assertEquals(2, changes.get(0).removed().size());
    }

    @Test
    void refreshExtendsWithoutDuplicatesOrSerialBump() throws IOException {
        register("host", 600);
        long serial = f.serial(ALICE);
        changes.clear();
        f.clock.advance(Duration.ofSeconds(500));
        assertEquals(Rcode.NOERROR, register("host", 600).getRcode());
        assertEquals(serial, f.serial(ALICE), "a refresh that changes nothing keeps the serial (RFC 9664)");
        assertTrue(changes.isEmpty());
        assertEquals(1, f.query(name("host"), Type.A).getSection(Section.ANSWER).size());

        f.clock.advance(Duration.ofSeconds(500));
        assertEquals(0, f.expireLeases(), "the refresh moved the end of the lease");
        f.clock.advance(Duration.ofSeconds(100));
        assertEquals(2, f.expireLeases());
    }

    @Test
    void listenersHearAddsAndRemoves() throws IOException {
        register("host", 60);
        assertEquals(1, changes.size());
        assertEquals(2, changes.get(0).added().size());
        assertTrue(changes.get(0).removed().isEmpty());
        f.clock.advance(Duration.ofSeconds(60));
        f.expireLeases();
        assertEquals(2, changes.get(1).removed().size());
    }

    @Test
    void addingWithoutLeaseMakesARecordPermanent() throws IOException {
        register("host", 60);
        f.addToAlice(rr("host", Type.A, "203.0.113.44"));
        f.clock.advance(Duration.ofSeconds(60));
        assertEquals(1, f.expireLeases(), "only the SRV keeps its lease");
        assertEquals(1, f.query(name("host"), Type.A).getSection(Section.ANSWER).size());
    }

    /** An Apple-style registration: replace the A and SRV RRsets of a host, with a lease. */
    private Message register(String host, long lease) {
        Update update = new Update(ALICE);
        update.delete(name(host), Type.A);
        update.add(rr(host, Type.A, "203.0.113.44"));
        update.delete(name("srv." + host), Type.SRV);
        update.add(rr("srv." + host, Type.SRV, "0 0 4500 " + host));
        update.addRecord(ServerFixture.leaseOpt(lease), Section.ADDITIONAL);
        Message response = f.signedUpdate(update);
        assertEquals(Rcode.NOERROR, response.getRcode());
        return response;
    }

    private static long grantedLease(Message response) {
        byte[] option = response.getOPT().getOptions(2).get(0).toWire();
        assertEquals(8, option.length, "a 4-byte request gets a 4-byte answer");
        return Integer.toUnsignedLong(ByteBuffer.wrap(option, 4, 4).getInt());
    }
}
