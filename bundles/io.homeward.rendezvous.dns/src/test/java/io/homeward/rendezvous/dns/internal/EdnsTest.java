package io.homeward.rendezvous.dns.internal;

import static io.homeward.rendezvous.dns.internal.ServerFixture.ALICE;
import static io.homeward.rendezvous.dns.internal.ServerFixture.rr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.api.dns.DnsTransport;

class EdnsTest {
    static final Name BIG = Name.fromConstantString("big.alice.members.example.");

    @TempDir
    Path dir;
    ServerFixture f;

    @BeforeEach
    void setUp() throws IOException {
        f = new ServerFixture(dir);
        // 12 TXT records of ~100 bytes: about 1.3 KB of answer, above 512 and above our 1232.
        Record[] records = new Record[12];
        for (int i = 0; i < records.length; i++) {
            records[i] = rr("big", Type.TXT, 300, "\"" + String.valueOf((char) ('a' + i)).repeat(90) + "\"", ALICE);
        }
        f.addToAlice(records);
        f.addToAlice(rr("small", Type.TXT, "\"x\""));
    }

    @AfterEach
    void tearDown() throws IOException {
        f.close();
    }

    @Test
    void echoesOptWithOurPayloadSize() {
        Message response = f.send(query(Name.fromConstantString("small.alice.members.example."), Type.TXT, 4096),
                DnsTransport.UDP);
        OPTRecord opt = response.getOPT();
        assertNotNull(opt);
        assertEquals(1232, opt.getPayloadSize());
        assertEquals(0, opt.getVersion());
    }

    @Test
    void noOptWithoutEdnsInTheRequest() {
        Message response = f.query(Name.fromConstantString("small.alice.members.example."), Type.TXT);
        assertNull(response.getOPT());
    }

    @Test
    void truncatesOverUdpBeyondWhatTheClientTakes() {
        FakeResponder plain = new FakeResponder(DnsTransport.UDP);
        f.server.requests().handle(Message.newQuery(Record.newRecord(BIG, Type.TXT, DClass.IN)).toWire(), plain);
        assertTrue(plain.sent().get(0).length <= 512);
        Message cut = plain.only();
        assertTrue(cut.getHeader().getFlag(Flags.TC));
        assertTrue(cut.getSection(Section.ANSWER).isEmpty());
        assertEquals(BIG, cut.getQuestion().getName());
    }

    @Test
    void clampsClientPayloadToOurs() {
        FakeResponder big = new FakeResponder(DnsTransport.UDP);
        f.server.requests().handle(query(BIG, Type.TXT, 65000).toWire(), big);
        assertTrue(big.sent().get(0).length <= 1232);
        assertTrue(big.only().getHeader().getFlag(Flags.TC));
    }

    @Test
    void clampsTinyClientPayloadUpTo512() {
        FakeResponder responder = new FakeResponder(DnsTransport.UDP);
        f.server.requests().handle(query(Name.fromConstantString("_dns-update-tls._tcp.alice.members.example."),
                Type.SRV, 100).toWire(), responder);
        Message response = responder.only();
        assertFalse(response.getHeader().getFlag(Flags.TC), "an answer under 512 bytes fits even a tiny payload");
        assertEquals(1, response.getSection(Section.ANSWER).size());
    }

    @Test
    void streamsCarryTheWholeAnswer() {
        Message response = f.send(query(BIG, Type.TXT, 512), DnsTransport.TCP);
        assertFalse(response.getHeader().getFlag(Flags.TC));
        assertEquals(12, response.getSection(Section.ANSWER).size());
    }

    @Test
    void answersBadversForEdnsVersionAboveZero() {
        Message request = Message.newQuery(Record.newRecord(BIG, Type.TXT, DClass.IN));
        request.addRecord(new OPTRecord(1232, 0, 1, 0), Section.ADDITIONAL);
        Message response = f.send(request, DnsTransport.UDP);
        assertEquals(Rcode.BADVERS, response.getRcode());
        assertEquals(0, response.getOPT().getVersion());
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
    }

    @Test
    void copiesTheDoBitIntoTheResponse() {
        Message request = Message.newQuery(Record.newRecord(BIG, Type.TXT, DClass.IN));
        request.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
        Message response = f.send(request, DnsTransport.UDP);
        assertTrue(response.getHeader().getFlag(Flags.TC), "the truncated response keeps its OPT");
        assertEquals(ExtendedFlags.DO, response.getOPT().getFlags() & ExtendedFlags.DO,
                "RFC 3225 §3: the DO bit of the query is copied into the response");
    }

    @Test
    void leavesTheDoBitClearWhenTheQueryHasItClear() {
        Message response = f.send(query(BIG, Type.TXT, 1232), DnsTransport.UDP);
        assertEquals(0, response.getOPT().getFlags() & ExtendedFlags.DO);
    }

    private static Message query(Name name, int type, int payload) {
        Message request = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        request.addRecord(new OPTRecord(payload, 0, 0, 0), Section.ADDITIONAL);
        return request;
    }
}
