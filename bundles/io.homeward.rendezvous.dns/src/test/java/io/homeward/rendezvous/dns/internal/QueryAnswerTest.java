package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.DOMAIN;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class QueryAnswerTest {
    @TempDir
    Path dir;
    ServerFixture f;

    @BeforeEach
    void setUp() throws IOException {
        f = new ServerFixture(dir);
        f.addToAlice(
                rr("laptop", Type.AAAA, "fd00:1:2:3:21b:63ff:fe84:5a0c"),
                rr("tunnel", Type.A, "203.0.113.7"),
                rr("_autotunnel._udp.laptop", Type.SRV, "0 0 4500 tunnel"),
                rr("info", Type.TXT, "\"model=MacBookPro5,1\" \"osxvers=10\""),
                rr("_hosts", Type.PTR, "laptop"),
                rr("www", Type.CNAME, "laptop"),
                rr("outside", Type.CNAME, "elsewhere.example."));
    }

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    @Test
    void answersEachStoredTypeAuthoritatively() {
        for (Object[] c : new Object[][] {{"laptop", Type.AAAA}, {"tunnel", Type.A},
                {"_autotunnel._udp.laptop", Type.SRV}, {"info", Type.TXT}, {"_hosts", Type.PTR}, {"www", Type.CNAME}}) {
            Message response = f.query(name((String) c[0]), (int) c[1]);
            assertEquals(Rcode.NOERROR, response.getRcode(), c[0] + " rcode");
            assertTrue(response.getHeader().getFlag(Flags.AA), c[0] + " AA");
            List<Record> answer = response.getSection(Section.ANSWER);
            assertEquals(1, answer.size(), c[0] + " answer count");
            assertEquals((int) c[1], answer.get(0).getType());
        }
    }

    @Test
    void apexHasSoaAndNsFromConfiguration() {
        Message soa = f.query(ALICE, Type.SOA);
        SOARecord record = (SOARecord) soa.getSection(Section.ANSWER).get(0);
        assertEquals(ServerFixture.NS, record.getHost());
        assertEquals(60, record.getMinimum());
        Message ns = f.query(ALICE, Type.NS);
        assertEquals(ServerFixture.NS, ns.getSection(Section.ANSWER).get(0).getAdditionalName());
        assertEquals(Set.of(Type.A, Type.AAAA), types(ns.getSection(Section.ADDITIONAL)), "glue for the NS");
    }

    @Test
    void domainZoneServesItsApexAndGlue() throws IOException {
        assertEquals(Type.SOA, f.query(DOMAIN, Type.SOA).getSection(Section.ANSWER).get(0).getType());
        Message glue = f.query(ServerFixture.NS, Type.A);
        assertEquals("198.51.100.53", glue.getSection(Section.ANSWER).get(0).rdataToString());
        Message glue6 = f.query(ServerFixture.NS, Type.AAAA);
        assertEquals(InetAddress.getByName("2001:db8::53"),
                ((AAAARecord) glue6.getSection(Section.ANSWER).get(0)).getAddress());
    }

    @Test
    void followsCnameInsideTheZone() {
        Message response = f.query(name("www"), Type.AAAA);
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertEquals(List.of(Type.CNAME, Type.AAAA),
                response.getSection(Section.ANSWER).stream().map(Record::getType).collect(Collectors.toList()));
    }

    @Test
    void stopsAtCnameLeavingTheZone() {
        Message response = f.query(name("outside"), Type.A);
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertEquals(1, response.getSection(Section.ANSWER).size());
        assertEquals(Type.CNAME, response.getSection(Section.ANSWER).get(0).getType());
    }

    @Test
    void nxdomainCarriesSoaWithNegativeTtl() {
        Message response = f.query(name("nobody"), Type.A);
        assertEquals(Rcode.NXDOMAIN, response.getRcode());
        assertTrue(response.getHeader().getFlag(Flags.AA));
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
        Record soa = response.getSection(Section.AUTHORITY).get(0);
        assertEquals(Type.SOA, soa.getType());
        assertEquals(ALICE, soa.getName());
        assertEquals(60, soa.getTTL());
    }

    @Test
    void nodataForExistingNameAndEmptyNonTerminal() {
        Message noType = f.query(name("laptop"), Type.A);
        assertEquals(Rcode.NOERROR, noType.getRcode());
        assertTrue(noType.getSection(Section.ANSWER).isEmpty());
        assertEquals(Type.SOA, noType.getSection(Section.AUTHORITY).get(0).getType());

        Message emptyNonTerminal = f.query(name("_udp.laptop"), Type.A);
        assertEquals(Rcode.NOERROR, emptyNonTerminal.getRcode());
        assertEquals(Type.SOA, emptyNonTerminal.getSection(Section.AUTHORITY).get(0).getType());
    }

    @Test
    void refusesNamesOutsideEveryZone() {
        Message response = f.query(Name.fromConstantString("www.example.org."), Type.A);
        assertEquals(Rcode.REFUSED, response.getRcode());
        assertFalse(response.getHeader().getFlag(Flags.AA));
    }

    @Test
    void synthesizesServiceRecordsForEveryUserZone() {
        for (String service : List.of("_dns-update-tls._tcp", "_dns-llq-tls._tcp", "_dns-push-tls._tcp")) {
            Message response = f.query(Name.fromConstantString(service + ".bob.members.example."), Type.SRV);
            SRVRecord srv = (SRVRecord) response.getSection(Section.ANSWER).get(0);
            assertEquals(8853, srv.getPort(), service);
            assertEquals(ServerFixture.NS, srv.getTarget(), service);
            assertEquals(Set.of(Type.A, Type.AAAA), types(response.getSection(Section.ADDITIONAL)), service);
        }
    }

    @Test
    void synthesizesTheEnrollmentSrvWithTheEstPort() {
        Message response = f.query(Name.fromConstantString("_est._tcp.bob.members.example."), Type.SRV);
        List<Record> answers = response.getSection(Section.ANSWER);
        assertEquals(1, answers.size());
        SRVRecord srv = (SRVRecord) answers.get(0);
        assertEquals(8443, srv.getPort());
        assertEquals(ServerFixture.NS, srv.getTarget());
        assertEquals(Set.of(Type.A, Type.AAAA), types(response.getSection(Section.ADDITIONAL)));
    }

    @Test
    void anyReturnsEveryTypeAtTheName() {
        Message response = f.query(ALICE, Type.ANY);
        assertEquals(Set.of(Type.SOA, Type.NS), types(response.getSection(Section.ANSWER)));
    }

    private static Set<Integer> types(List<Record> records) {
        return records.stream().map(Record::getType).collect(Collectors.toSet());
    }

    static Name name(String relative) {
        return Name.fromConstantString(relative + "." + ALICE);
    }
}
