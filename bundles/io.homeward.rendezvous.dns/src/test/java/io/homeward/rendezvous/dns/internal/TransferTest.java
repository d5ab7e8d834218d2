package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.BOB;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

import io.homeward.api.dns.DnsTransport;

class TransferTest {
    @TempDir
    Path dir;
    ServerFixture f;

    @BeforeEach
    void setUp() throws IOException {
        f = new ServerFixture(dir);
        Record[] hosts = new Record[150];
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = rr("h" + i, Type.A, "203.0.113." + (i % 250));
        }
        f.addToAlice(hosts);
    }

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    @Test
    void transfersTheWholeZoneSignedOverTcp() throws IOException {
        TSIG key = f.clientKey(ALICE, TSIG.HMAC_SHA256);
        Message request = axfr(ALICE);
        key.apply(request, null);
        FakeResponder responder = new FakeResponder(DnsTransport.TLS);
        f.server.requests().handle(request.toWire(), responder);

        assertTrue(responder.sent().size() >= 2, "150 records do not fit one message of 100");
        TSIG.StreamVerifier verifier = new TSIG.StreamVerifier(key, request.getTSIG());
        List<Record> records = new ArrayList<>();
        for (byte[] wire : responder.sent()) {
            Message message = new Message(wire);
            assertEquals(Rcode.NOERROR, verifier.verify(message, wire), "every message is signed in the chain");
            records.addAll(message.getSection(Section.ANSWER));
        }
        assertEquals(Type.SOA, records.get(0).getType());
        assertEquals(Type.SOA, records.get(records.size() - 1).getType());
        assertEquals(f.serial(ALICE), ((org.xbill.DNS.SOARecord) records.get(0)).getSerial());
        // SOA, NS, three service SRVs, 150 hosts, SOA
        assertEquals(1 + 1 + 3 + 150 + 1, records.size());
        assertTrue(records.stream().anyMatch(r -> r.getName().equals(QueryAnswerTest.name("h149"))));
    }

    @Test
    void refusedOverUdp() {
        TSIG key = f.clientKey(ALICE, TSIG.HMAC_SHA256);
        Message request = axfr(ALICE);
        key.apply(request, null);
        assertEquals(Rcode.REFUSED, f.send(request, DnsTransport.UDP).getRcode());
    }

    @Test
    void refusedWithoutTheZonesKey() {
        assertEquals(Rcode.REFUSED, f.send(axfr(ALICE), DnsTransport.TCP).getRcode());
        TSIG bobsKey = f.clientKey(BOB, TSIG.HMAC_SHA256);
        Message request = axfr(ALICE);
        bobsKey.apply(request, null);
        FakeResponder responder = new FakeResponder(DnsTransport.TCP);
        f.server.requests().handle(request.toWire(), responder);
        Message response = responder.only();
        assertEquals(Rcode.REFUSED, response.getRcode());
        assertEquals(Rcode.NOERROR, bobsKey.verify(response, responder.sent().get(0), request.getTSIG()),
                "a refusal to a correctly signed request is signed");
    }

    @Test
    void notAZoneApexIsNotauth() {
        Name notApex = QueryAnswerTest.name("h1");
        TSIG key = new TSIG(TSIG.HMAC_SHA256, notApex,
                new javax.crypto.spec.SecretKeySpec(ServerFixture.secret(1), "HmacSHA256"), f.clock);
        f.keys.put(notApex.toString(), new io.homeward.api.auth.TsigKey(notApex.toString(), "hmac-sha256.",
                ServerFixture.secret(1)));
        Message request = axfr(notApex);
        key.apply(request, null);
        assertEquals(Rcode.NOTAUTH, f.send(request, DnsTransport.TCP).getRcode());
    }

    private static Message axfr(Name zone) {
        return Message.newQuery(Record.newRecord(zone, Type.AXFR, DClass.IN));
    }
}
