package io.homeward.resolver.internal;

import static io.homeward.resolver.internal.Fixtures.name;
import static io.homeward.resolver.internal.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.testkit.MutableClock;

class ForwarderTest {
    private final MutableClock clock = new MutableClock();
    private final SigningRendezvous rendezvous = new SigningRendezvous(clock);
    private final ZoneSoa soa = new ZoneSoa();
    private final Forwarder forwarder = new Forwarder(rendezvous, new Random(1), soa);
    private final SignedIn signedIn = Fixtures.signedIn(clock);

    @Test
    void theRendezvousAnswerGoesBackUnsignedUnderTheClientsId() throws Exception {
        InetAddress nas = InetAddress.getByName("fd00::5");
        rendezvous.answers(Rcode.NOERROR, response -> response.addRecord(
                new AAAARecord(name("nas.alice.members.example."), DClass.IN, 120, nas), Section.ANSWER));
        Decision.Reply reply = forwarder.forward(query("nas.alice.members.example.", Type.AAAA), signedIn);

        Message response = reply.response();
        assertEquals(Decision.Outcome.FORWARDED, reply.outcome());
        assertEquals(0x1234, response.getHeader().getID());
        assertEquals(nas, ((AAAARecord) response.getSectionArray(Section.ANSWER)[0]).getAddress());
        assertNull(response.getTSIG(), "the client gets no TSIG it cannot check");
        assertTrue(response.getHeader().getFlag(Flags.AA));
        assertTrue(response.getHeader().getFlag(Flags.RD), "the client's RD is echoed");
        Message asked = rendezvous.asked.get(0);
        assertNotNull(asked.getTSIG(), "the rendezvous is asked with the host's key");
        assertFalse(asked.getHeader().getFlag(Flags.RD), "the question alone goes on");
    }

    @Test
    void noSuchNameKeepsTheSoaWhichThenServesLocalNegativeAnswers() {
        rendezvous.answers(Rcode.NXDOMAIN,
                response -> response.addRecord(Fixtures.soa(3600, 300), Section.AUTHORITY));
        Message response = forwarder.forward(query("nope.alice.members.example.", Type.AAAA), signedIn).response();

        assertEquals(Rcode.NXDOMAIN, response.getRcode());
        assertEquals(Type.SOA, response.getSectionArray(Section.AUTHORITY)[0].getType());
        SOARecord kept = soa.current().orElseThrow();
        assertEquals(300, kept.getTTL(), "RFC 2308 §3: the lesser of the SOA's TTL and MINIMUM");
    }

    @Test
    void anUnsignedAnswerIsServfail() {
        rendezvous.answers(Rcode.NXDOMAIN, response -> { }).unsigned();
        Decision.Reply reply = forwarder.forward(query("nas.alice.members.example.", Type.AAAA), signedIn);

        assertEquals(Rcode.SERVFAIL, reply.response().getRcode());
        assertEquals(Decision.Outcome.FORWARD_FAILED, reply.outcome());
        assertTrue(forwarder.lastFailure().contains("not signed with this host's key"), forwarder.lastFailure());
    }

    @Test
    void noAnswerIsServfailAndSaysWhy() {
        rendezvous.fails(new IOException("no answer from 11.0.0.10:8053 after 2 attempts"));
        Decision.Reply reply = forwarder.forward(query("nas.alice.members.example.", Type.AAAA), signedIn);

        assertEquals(Rcode.SERVFAIL, reply.response().getRcode());
        assertFalse(reply.response().getHeader().getFlag(Flags.AA));
        assertEquals("no answer from the fake rendezvous: no answer from 11.0.0.10:8053 after 2 attempts",
                forwarder.lastFailure());
    }

    @Test
    void theSoaIsLearnedAtSignIn() {
        rendezvous.answers(Rcode.NOERROR, response -> response.addRecord(Fixtures.soa(3600, 300), Section.ANSWER));
        forwarder.learnSoa(signedIn);

        assertEquals(Type.SOA, rendezvous.asked.get(0).getQuestion().getType());
        assertEquals(name(Fixtures.ZONE), soa.current().orElseThrow().getName());
    }

    @Test
    void anotherZonesSoaIsNotKept() {
        SOARecord other = new SOARecord(name("bob.members.example."), DClass.IN, 60, name("ns.members.example."),
                name("hostmaster.members.example."), 1, 2, 3, 4, 5);
        rendezvous.answers(Rcode.NOERROR, response -> response.addRecord(other, Section.AUTHORITY));
        forwarder.forward(query("x.alice.members.example.", Type.AAAA), signedIn);
        assertTrue(soa.current().isEmpty());
    }
}
