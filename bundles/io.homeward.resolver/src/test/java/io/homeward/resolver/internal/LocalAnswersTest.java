package io.homeward.resolver.internal;

import static io.homeward.resolver.internal.Fixtures.HOME;
import static io.homeward.resolver.internal.Fixtures.HOME_ULA;
import static io.homeward.resolver.internal.Fixtures.SELF;
import static io.homeward.resolver.internal.Fixtures.query;
import static io.homeward.resolver.internal.Fixtures.view;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class LocalAnswersTest {
    private final Optional<ZoneView> zone = Optional.of(view(List.of(HOME)));
    private final Optional<SOARecord> soa = Optional.of(Fixtures.soa(60, 60));

    private Decision.Reply reply(Message query) {
        return assertInstanceOf(Decision.Reply.class, LocalAnswers.decide(query, zone, soa));
    }

    private static InetAddress onlyAaaa(Message response) {
        Record[] answers = response.getSectionArray(Section.ANSWER);
        assertEquals(1, answers.length, response.toString());
        return ((AAAARecord) answers[0]).getAddress();
    }

    @Test
    void aPeerNameIsItsUlaFromTheDirectory() {
        Decision.Reply reply = reply(query("home.alice.members.example.", Type.AAAA));
        Message response = reply.response();
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertEquals(HOME_ULA, onlyAaaa(response));
        assertEquals(LocalAnswers.TTL, response.getSectionArray(Section.ANSWER)[0].getTTL());
        assertTrue(response.getHeader().getFlag(Flags.AA));
        assertTrue(response.getHeader().getFlag(Flags.QR));
        assertTrue(response.getHeader().getFlag(Flags.RD), "RD is copied");
        assertEquals(0x1234, response.getHeader().getID());
        assertEquals(Decision.Outcome.DIRECTORY, reply.outcome());
    }

    @Test
    void namesCompareWithoutCaseAndTheQuestionKeepsItsOwn() {
        Message response = reply(query("HOME.Alice.Members.Example.", Type.AAAA)).response();
        assertEquals(HOME_ULA, onlyAaaa(response));
        assertEquals("HOME.Alice.Members.Example.", response.getQuestion().getName().toString());
    }

    @Test
    void thisHostAnswersForItselfToo() {
        assertEquals(SELF.ula(), onlyAaaa(reply(query("laptop.alice.members.example.", Type.AAAA)).response()));
    }

    @Test
    void theAutoTunnelNameOfAHostIsItsUlaAsWell() {
        assertEquals(SELF.ula(), onlyAaaa(reply(query("AutoTunnel-02-1B-63-FF-FE-84-5A-0C.alice.members.example.",
                Type.AAAA)).response()));
        assertEquals(HOME_ULA, onlyAaaa(reply(query("autotunnel-02-11-22-ff-fe-33-44-55.alice.members.example.",
                Type.AAAA)).response()));
    }

    @Test
    void aHostNameHasNoAddressRecordSoAIsNoDataWithTheSoa() {
        Decision.Reply reply = reply(query("home.alice.members.example.", Type.A));
        Message response = reply.response();
        assertEquals(Rcode.NOERROR, response.getRcode());
        assertEquals(0, response.getSectionArray(Section.ANSWER).length);
        assertArrayEquals(new Record[] {soa.get()}, response.getSectionArray(Section.AUTHORITY));
        assertEquals(Decision.Outcome.DIRECTORY, reply.outcome());
    }

    @Test
    void theAutoTunnelNamesOtherRecordsAndTheRestOfTheZoneAreForwarded() {
        for (Message query : List.of(query("AutoTunnel-02-1B-63-FF-FE-84-5A-0C.alice.members.example.", Type.A),
                query("home.alice.members.example.", Type.TXT), query("nas.alice.members.example.", Type.AAAA),
                query("_autotunnel._udp.home.alice.members.example.", Type.SRV),
                query("alice.members.example.", Type.SOA))) {
            assertInstanceOf(Decision.Forward.class, LocalAnswers.decide(query, zone, soa), query.toString());
        }
    }

    @Test
    void namesOutsideTheZoneAreRefused() {
        for (String name : List.of("example.com.", "members.example.", "bob.members.example.", ".")) {
            Decision.Reply reply = reply(query(name, Type.AAAA));
            assertEquals(Rcode.REFUSED, reply.response().getRcode(), name);
            assertEquals(Decision.Outcome.REFUSED, reply.outcome());
        }
    }

    @Test
    void beforeSignInEverythingIsRefused() {
        Decision decision = LocalAnswers.decide(query("home.alice.members.example.", Type.AAAA), Optional.empty(),
                Optional.empty());
        assertEquals(Rcode.REFUSED, assertInstanceOf(Decision.Reply.class, decision).response().getRcode());
    }

    @Test
    void anotherClassIsRefused() {
        Message query = new Message(1);
        query.addRecord(Record.newRecord(Fixtures.name("home.alice.members.example."), Type.AAAA, DClass.CH),
                Section.QUESTION);
        assertEquals(Rcode.REFUSED, reply(query).response().getRcode());
    }

    @Test
    void updatesAndNotifiesAreNotImplementedHere() {
        Message update = query("alice.members.example.", Type.SOA);
        update.getHeader().setOpcode(Opcode.UPDATE);
        assertEquals(Rcode.NOTIMP, reply(update).response().getRcode());
        assertEquals(Decision.Outcome.MALFORMED, reply(update).outcome());
    }

    @Test
    void twoQuestionsOrNoneAreAFormatError() {
        Message two = query("home.alice.members.example.", Type.AAAA);
        two.addRecord(Record.newRecord(Fixtures.name("laptop.alice.members.example."), Type.AAAA, DClass.IN),
                Section.QUESTION);
        assertEquals(Rcode.FORMERR, reply(two).response().getRcode());
        assertEquals(Rcode.FORMERR, reply(new Message(7)).response().getRcode());
    }

    @Test
    void aResponseIsNeverAnswered() {
        Message response = query("home.alice.members.example.", Type.AAAA);
        response.getHeader().setFlag(Flags.QR);
        assertInstanceOf(Decision.Drop.class, LocalAnswers.decide(response, zone, soa));
    }

    @Test
    void aHostThatLeftTheDirectoryIsForwardedNoLongerAnswered() {
        Decision decision = LocalAnswers.decide(query("home.alice.members.example.", Type.AAAA),
                Optional.of(view(List.of())), soa);
        assertInstanceOf(Decision.Forward.class, decision);
    }
}
