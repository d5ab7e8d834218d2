package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.QueryAnswerTest.name;
import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.api.dns.DnsTransport;

/** A signed UPDATE captured on the wire cannot be used a second time within its TSIG time window. */
class UpdateReplayTest {
    @TempDir
    Path dir;
    ServerFixture f;

    @BeforeEach
    void setUp() throws IOException {
        f = new ServerFixture(dir);
    }

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    @Test
    void aCapturedDeleteReplayedLaterLeavesTheReAddedRecord() throws IOException {
        f.addToAlice(rr("host", Type.A, "203.0.113.1"));
        Update delete = new Update(ALICE);
        delete.delete(name("host"), Type.A);
        f.clientKey(ALICE, TSIG.HMAC_SHA256).apply(delete, null);
        byte[] captured = delete.toWire();
        assertEquals(Rcode.NOERROR, send(captured, DnsTransport.UDP).getRcode());

        f.clock.advance(Duration.ofSeconds(60));
        f.addToAlice(rr("host", Type.A, "203.0.113.1"));
        Message replayed = send(captured, DnsTransport.TCP);

        assertEquals(Rcode.REFUSED, replayed.getRcode());
        assertEquals(1, f.query(name("host"), Type.A).getSection(Section.ANSWER).size(), "the record stays");
        assertTrue(f.log.contains("INFO", "its MAC was used before"));
    }

    @Test
    void aMacIsAcceptedAgainNeverButADifferentlySignedCopyIs() throws IOException {
        Update add = new Update(ALICE);
        add.add(rr("host", Type.A, "203.0.113.1"));
        f.clientKey(ALICE, TSIG.HMAC_SHA256).apply(add, null);
        byte[] first = add.toWire();
        assertEquals(Rcode.NOERROR, send(first, DnsTransport.UDP).getRcode());
        assertEquals(Rcode.REFUSED, send(first, DnsTransport.UDP).getRcode());

        f.clock.advance(Duration.ofSeconds(1));
        Update again = new Update(ALICE);
        again.add(rr("host", Type.A, "203.0.113.1"));
        assertEquals(Rcode.NOERROR, f.signedUpdate(again).getRcode(), "a retry signed anew is a new request");
    }

    private Message send(byte[] wire, DnsTransport transport) {
        FakeResponder responder = new FakeResponder(transport);
        f.server.requests().handle(wire, responder);
        return responder.only();
    }
}
