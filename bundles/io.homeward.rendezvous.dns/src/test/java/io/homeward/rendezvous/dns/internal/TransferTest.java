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
import org.xbill.DNS.SOARecord;
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
        // SOA, NS, four service SRVs (three DNS services and EST), 150 hosts, SOA
        assertEquals(1 + 1 + 4 + 150 + 1, records.size());
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
    void aHostKeyTransfersItsUsersZoneButNoOther() throws IOException {
        Name laptop = f.enrollHost(ALICE, "laptop", 11);
        TSIG key = f.clientKey(laptop, TSIG.HMAC_SHA256);
        Message request = axfr(ALICE);
        key.apply(request, null);
        FakeResponder responder = new FakeResponder(DnsTransport.TCP);
        f.server.requests().handle(request.toWire(), responder);
        int records = 0;
        for (byte[] wire : responder.sent()) {
            records += new Message(wire).getSection(Section.ANSWER).size();
        }
        assertEquals(1 + 1 + 4 + 150 + 1, records);

        Message bobs = axfr(BOB);
        key.apply(bobs, null);
        assertEquals(Rcode.REFUSED, f.send(bobs, DnsTransport.TCP).getRcode());
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

    @Test
    void ixfrFromTheCurrentSerialIsTheSoaAlone() throws IOException {
        long serial = f.serial(ALICE);
        List<Message> messages = signedTransfer(ixfr(ALICE, serial), DnsTransport.TCP);
        assertEquals(1, messages.size());
        List<Record> answer = messages.get(0).getSection(Section.ANSWER);
        assertEquals(1, answer.size(), "RFC 1995 §2: a client as new as the server gets one SOA");
        assertEquals(serial, ((SOARecord) answer.get(0)).getSerial());
        assertEquals(Rcode.NOERROR, messages.get(0).getRcode());
    }

    @Test
    void ixfrFromAnOlderSerialIsTheWholeZoneInAxfrForm() throws IOException {
        List<Message> messages = signedTransfer(ixfr(ALICE, f.serial(ALICE) - 1), DnsTransport.TCP);
        List<Record> records = new ArrayList<>();
        messages.forEach(m -> records.addAll(m.getSection(Section.ANSWER)));
        assertEquals(Type.IXFR, messages.get(0).getQuestion().getType());
        assertEquals(Type.SOA, records.get(0).getType());
        assertEquals(Type.SOA, records.get(records.size() - 1).getType());
        assertEquals(Type.NS, records.get(1).getType(), "RFC 1995 §4: AXFR form, not an incremental one");
        assertEquals(1 + 1 + 4 + 150 + 1, records.size());
    }

    @Test
    void ixfrOverUdpIsTheSoaAloneSoThatTheClientUsesTcp() throws IOException {
        List<Message> messages = signedTransfer(ixfr(ALICE, 1), DnsTransport.UDP);
        assertEquals(1, messages.size());
        assertEquals(1, messages.get(0).getSection(Section.ANSWER).size());
    }

    @Test
    void ixfrNeedsTheZonesKeyAndTheClientsSoa() {
        assertEquals(Rcode.REFUSED, f.send(ixfr(ALICE, 1), DnsTransport.TCP).getRcode());
        Message noSoa = Message.newQuery(Record.newRecord(ALICE, Type.IXFR, DClass.IN));
        f.clientKey(ALICE, TSIG.HMAC_SHA256).apply(noSoa, null);
        assertEquals(Rcode.FORMERR, f.send(noSoa, DnsTransport.TCP).getRcode());
    }

    @Test
    void transfersAZoneOf50000RecordsMessageByMessage() throws IOException {
        for (int batch = 0; batch < 50; batch++) {
            Record[] hosts = new Record[1000];
            for (int i = 0; i < hosts.length; i++) {
                hosts[i] = rr("b" + batch + "-" + i, Type.A, "198.51.100." + (i % 250));
            }
            f.clock.advance(java.time.Duration.ofMinutes(1));
            f.addToAlice(hosts);
        }
        TSIG key = f.clientKey(ALICE, TSIG.HMAC_SHA256);
        Message request = axfr(ALICE);
        key.apply(request, null);
        List<java.util.Iterator<byte[]>> series = new ArrayList<>();
        FakeResponder responder = new FakeResponder(DnsTransport.TCP) {
            @Override
            public boolean sendAll(java.util.Iterator<byte[]> messages) {
                series.add(messages);
                return true;
            }
        };
        f.server.requests().handle(request.toWire(), responder);
        assertEquals(1, series.size(), "the transfer is handed over as one series, not queued message by message");
        assertTrue(responder.sent().isEmpty());
        TSIG.StreamVerifier verifier = new TSIG.StreamVerifier(key, request.getTSIG());
        int records = 0;
        while (series.get(0).hasNext()) {
            byte[] wire = series.get(0).next();
            assertTrue(wire.length <= 65535);
            Message message = new Message(wire);
            assertEquals(Rcode.NOERROR, verifier.verify(message, wire), "every message is signed in the chain");
            records += message.getSection(Section.ANSWER).size();
        }
        assertEquals(1 + 1 + 4 + 150 + 50_000 + 1, records);
    }

    private List<Message> signedTransfer(Message request, DnsTransport transport) throws IOException {
        TSIG key = f.clientKey(ALICE, TSIG.HMAC_SHA256);
        key.apply(request, null);
        FakeResponder responder = new FakeResponder(transport);
        f.server.requests().handle(request.toWire(), responder);
        TSIG.StreamVerifier verifier = new TSIG.StreamVerifier(key, request.getTSIG());
        List<Message> messages = new ArrayList<>();
        for (byte[] wire : responder.sent()) {
            Message message = new Message(wire);
            assertEquals(Rcode.NOERROR, verifier.verify(message, wire), "every message is signed in the chain");
            messages.add(message);
        }
        return messages;
    }

    private static Message ixfr(Name zone, long serial) {
        Message request = Message.newQuery(Record.newRecord(zone, Type.IXFR, DClass.IN));
        request.addRecord(new SOARecord(zone, DClass.IN, 0, ServerFixture.NS,
                Name.fromConstantString("hostmaster.members.example."), serial, 0, 0, 0, 0), Section.AUTHORITY);
        return request;
    }

    private static Message axfr(Name zone) {
        return Message.newQuery(Record.newRecord(zone, Type.AXFR, DClass.IN));
    }
}
