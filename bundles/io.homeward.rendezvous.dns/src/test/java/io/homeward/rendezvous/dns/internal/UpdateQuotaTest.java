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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.api.dns.DnsTransport;

/** The per-zone record quota and the per-key UPDATE rate limit. */
class UpdateQuotaTest {
    @TempDir
    Path dir;
    ServerFixture f;

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    @Test
    void anUpdateThatWouldExceedTheQuotaIsRefusedWhole() throws IOException {
        f = new ServerFixture(dir, ServerFixture.settings(100_000, 5, 20, List.of(), 10, 5, 20));
        f.addToAlice(hosts("a", 8));
        long serial = f.serial(ALICE);
        Update tooMany = new Update(ALICE);
        tooMany.add(hosts("b", 3));
        assertEquals(Rcode.REFUSED, f.signedUpdate(tooMany).getRcode());
        assertEquals(serial, f.serial(ALICE), "nothing of the refused update was applied");
        assertEquals(Rcode.NXDOMAIN, f.query(name("b0"), Type.A).getRcode());
        assertTrue(f.log.contains("WARN", "Refused UPDATE of alice.members.example.: it would hold 11 records,"
                + " over the quota of 10"), f.log.lines().toString());

        Update replace = new Update(ALICE);
        replace.delete(name("a0"));
        replace.delete(name("a1"));
        replace.add(hosts("c", 4));
        assertEquals(Rcode.NOERROR, f.signedUpdate(replace).getRcode(), "10 records after the update fit");
        Update shrink = new Update(ALICE);
        shrink.delete(name("c0"));
        assertEquals(Rcode.NOERROR, f.signedUpdate(shrink).getRcode(), "removing always works");
    }

    @Test
    void theUpdateRateIsLimitedPerKeyAcrossAddresses() throws IOException {
        f = new ServerFixture(dir, ServerFixture.settings(100_000, 100, 100, List.of(), 10_000, 1, 3));
        for (int i = 0; i < 3; i++) {
            assertEquals(Rcode.NOERROR, updateFrom("192.0.2." + (i + 1), ALICE, "h" + i), "burst " + i);
        }
        assertEquals(Rcode.REFUSED, updateFrom("192.0.2.99", ALICE, "h99"),
                "a new address does not give the key a new bucket");
        assertTrue(f.log.contains("INFO", "key alice.members.example."), f.log.lines().toString());
        assertEquals(Rcode.NOERROR, updateFrom("192.0.2.99", BOB, "h99"), "other keys have their own bucket");
        f.clock.advance(java.time.Duration.ofSeconds(1));
        assertEquals(Rcode.NOERROR, updateFrom("192.0.2.100", ALICE, "h100"));
    }

    private int updateFrom(String address, org.xbill.DNS.Name zone, String host) throws IOException {
        Update update = new Update(zone);
        update.add(rr(host, Type.A, 300, "203.0.113.7", zone));
        TSIG key = f.clientKey(zone, TSIG.HMAC_SHA256);
        key.apply(update, null);
        FakeResponder responder = new FakeResponder(DnsTransport.TCP, address);
        f.server.requests().handle(update.toWire(), responder);
        return new Message(responder.awaitFirst()).getRcode();
    }

    private static Record[] hosts(String prefix, int count) {
        Record[] records = new Record[count];
        for (int i = 0; i < count; i++) {
            records[i] = rr(prefix + i, Type.A, "203.0.113." + i);
        }
        return records;
    }
}
