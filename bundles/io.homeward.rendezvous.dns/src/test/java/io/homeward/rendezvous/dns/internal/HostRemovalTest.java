package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.HostKeyUpdateTest.DESKTOP_TUNNEL;
import static io.homeward.rendezvous.dns.internal.HostKeyUpdateTest.LAPTOP_TUNNEL;
import static io.homeward.rendezvous.dns.internal.QueryAnswerTest.name;
import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.api.dns.DnsTransport;
import io.homeward.rendezvous.dns.internal.zone.ZoneChange;

/** Revocation, steps 3 and 4 (docs/enrollment.md): a deleted host key gets BADKEY and the host's records go. */
class HostRemovalTest {
    @TempDir
    Path dir;
    ServerFixture f;
    Name laptop;
    Name desktop;
    final List<ZoneChange> changes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        f = new ServerFixture(dir);
        laptop = f.enrollHost(ALICE, "laptop", 11);
        desktop = f.enrollHost(ALICE, "desktop", 12);
        f.addToAlice(rr("home", Type.AAAA, "fd00::1"));
        publish(laptop, "laptop", LAPTOP_TUNNEL, "fd00::3");
        publish(desktop, "desktop", DESKTOP_TUNNEL, "fd00::2");
        Update deeper = new Update(ALICE);
        deeper.add(rr("_ssh._tcp.laptop", Type.TXT, "\"path=/\""));
        assertEquals(Rcode.NOERROR, f.signedUpdate(deeper, laptop).getRcode());
        f.server.zones().addListener(changes::add);
    }

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    @Test
    void removesEverythingTheHostPublishedInOneDurableChange() throws IOException {
        long serial = f.serial(ALICE);

        assertEquals(7, f.server.removeHost(ALICE, laptop, laptop));

        assertEquals(serial + 1, f.serial(ALICE), "one journaled change");
        assertEquals(1, changes.size());
        assertEquals(7, changes.get(0).removed().size(), "watchers hear of every record that went");
        assertGone();
        assertEquals(List.of("desktop.alice.members.example."), rdata(answers("_homeward._udp", Type.PTR)));
        assertEquals(3, answers(DESKTOP_TUNNEL, Type.ANY).size(), "the other host keeps its records");
        assertEquals(1, answers("home", Type.AAAA).size());

        f.restart();
        assertGone();
        assertEquals(serial + 1, f.serial(ALICE), "the removal survives a restart");
    }

    @Test
    void keepsAnAutoTunnelNameAnotherHostTargetsToo() throws IOException {
        Update claim = new Update(ALICE);
        claim.add(rr("_autotunnel._udp.desktop", Type.SRV, "0 0 4501 " + LAPTOP_TUNNEL));
        assertEquals(Rcode.NOERROR, f.signedUpdate(claim, desktop).getRcode());

        f.server.removeHost(ALICE, laptop, laptop);

        assertEquals(3, answers(LAPTOP_TUNNEL, Type.ANY).size());
        assertEquals(0, answers("laptop", Type.AAAA).size());
    }

    @Test
    void aHostWithNothingPublishedChangesNothing() throws IOException {
        Name tablet = f.enrollHost(ALICE, "tablet", 13);
        long serial = f.serial(ALICE);
        assertEquals(0, f.server.removeHost(ALICE, tablet, tablet));
        assertEquals(serial, f.serial(ALICE));
        assertTrue(changes.isEmpty());
    }

    @Test
    void aDeletedKeyGetsBadkey() {
        TSIG deleted = f.clientKey(laptop, TSIG.HMAC_SHA256);
        f.keys.remove(laptop.toString());
        f.scopes.remove(laptop.toString());

        Update update = new Update(ALICE);
        update.add(rr("laptop", Type.AAAA, "fd00::9"));
        deleted.apply(update, null);
        Message response = f.send(update, DnsTransport.TCP);

        assertEquals(Rcode.NOTAUTH, response.getRcode());
        assertEquals(Rcode.BADKEY, response.getTSIG().getError());
        assertEquals(1, answers("laptop", Type.AAAA).size(), "nothing changed");
    }

    private void assertGone() {
        for (String gone : List.of("laptop", "_autotunnel._udp.laptop", "_ssh._tcp.laptop", LAPTOP_TUNNEL)) {
            assertEquals(0, answers(gone, Type.ANY).size(), gone);
        }
    }

    /** The records of docs/architecture.md, "Records a host publishes", signed with the host's key. */
    private void publish(Name key, String host, String tunnel, String ula) {
        Update update = new Update(ALICE);
        update.add(rr("_autotunnel._udp." + host, Type.SRV, "0 0 4500 " + tunnel));
        update.add(rr(tunnel, Type.A, "203.0.113.7"));
        update.add(rr(tunnel, Type.AAAA, ula));
        update.add(rr(tunnel, Type.TXT, "\"model=test\""));
        update.add(rr(host, Type.AAAA, ula));
        update.add(rr("_homeward._udp", Type.PTR, host));
        assertEquals(Rcode.NOERROR, f.signedUpdate(update, key).getRcode());
    }

    private List<Record> answers(String relative, int type) {
        return f.query(name(relative), type).getSection(Section.ANSWER);
    }

    private static List<String> rdata(List<Record> records) {
        return records.stream().map(Record::rdataToString).toList();
    }
}
