package io.homeward.watcher.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.kit.dns.wire.LlqOption;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;
import io.homeward.watcher.internal.FixedRandom;
import io.homeward.watcher.internal.ServerWire;
import io.homeward.watcher.internal.TestKeys;
import io.homeward.watcher.internal.wire.LlqWireTest;
import io.homeward.watcher.internal.wire.RawTtls;

class LlqSessionTest {
    static final Name QUESTION = LlqWireTest.QUESTION;
    static final long SERVER_ID = 0x65F1A2B31C2D3E4FL;

    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_700_000_000_000L));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingEvents events = new RecordingEvents();
    private final FakeLink link = new FakeLink();
    private final RecordingLogger log = new RecordingLogger();
    private final ServerWire server = new ServerWire(TestKeys.FIXED);

    private LlqSession session(boolean stream) {
        return new LlqSession(QUESTION, Type.PTR, link, stream, TestKeys.signer(TestKeys.FIXED), 7200, scheduler,
                clock, new FixedRandom(0.5), events, log.logger());
    }

    static Record ptr(String target, long ttl) {
        return new PTRRecord(QUESTION, DClass.IN, ttl, Name.fromConstantString(target + "." + QUESTION));
    }

    /** A reply to the client's last request, signed as a response to it. */
    private void reply(LlqOption option, Record... answers) {
        Message request = link.lastMessage();
        assertTrue(server.verify(request, link.last(), null), "the client's request must be TSIG-signed");
        Message reply = new Message(request.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        reply.addRecord(request.getQuestion(), Section.QUESTION);
        for (Record answer : answers) {
            reply.addRecord(answer, Section.ANSWER);
        }
        reply.addRecord(option.toOpt(), Section.ADDITIONAL);
        link.receiver.received(server.sign(reply.toWire(), request.getTSIG()));
    }

    /** An unsolicited event; answers with {@code removed} set go out with TTL 0xFFFFFFFF. */
    private byte[] event(int id, Record answer, boolean removed) {
        Message event = new Message(id);
        event.getHeader().setFlag(Flags.QR);
        event.getHeader().setFlag(Flags.AA);
        event.addRecord(Record.newRecord(QUESTION, Type.PTR, DClass.IN), Section.QUESTION);
        event.addRecord(answer, Section.ANSWER);
        event.addRecord(LlqOption.of(LlqOption.EVENT, SERVER_ID, 3500).toOpt(), Section.ADDITIONAL);
        byte[] wire = event.toWire();
        return server.sign(removed ? ServerWire.withAnswerTtl(wire, 0, RawTtls.REMOVE) : wire, null);
    }

    private void establishOverUdp() {
        session(false).start();
        reply(new LlqOption(1, LlqOption.SETUP, 0, SERVER_ID, 3600));
        reply(new LlqOption(1, LlqOption.SETUP, 0, SERVER_ID, 3600), ptr("alice-mbp", 1));
    }

    @Test
    void fourWayHandshakeDeliversTheFullAnswerSet() {
        LlqSession session = session(false);
        session.start();
        assertEquals(LlqOption.of(LlqOption.SETUP, 0, 7200), LlqOption.find(link.lastMessage()).orElse(null));
        reply(new LlqOption(1, LlqOption.SETUP, 0, SERVER_ID, 3600));
        assertEquals(LlqOption.of(LlqOption.SETUP, SERVER_ID, 3600), LlqOption.find(link.lastMessage()).orElse(null),
                "the challenge response echoes the server's ID and granted lease");
        assertEquals(List.of(), events.events, "a challenge carries no answers");
        reply(new LlqOption(1, LlqOption.SETUP, 0, SERVER_ID, 3600), ptr("alice-mbp", 1));
        assertEquals(List.of("established", "answers[alice-mbp._afpovertcp._tcp.alice.btmm.example.]"), events.events);
        assertEquals(clock.millis() + 3_600_000, events.leaseExpiry);
    }

    @Test
    void overTlsTheSetupIsAnsweredDirectly() {
        session(true).start();
        reply(new LlqOption(1, LlqOption.SETUP, 0, SERVER_ID, 3600), ptr("alice-mbp", 1));
        assertEquals(List.of("established", "answers[alice-mbp._afpovertcp._tcp.alice.btmm.example.]"), events.events);
        assertEquals(1, link.sent.size());
    }

    @Test
    void setupIsRetransmittedThreeTimesThenGivenUp() {
        session(false).start();
        scheduler.advance(Duration.ofMillis(2_000));
        assertEquals(2, link.sent.size());
        scheduler.advance(Duration.ofMillis(4_000));
        assertEquals(3, link.sent.size());
        assertEquals(List.of(), events.events);
        scheduler.advance(Duration.ofMillis(6_000));
        assertEquals(List.of("failed"), events.events);
        assertTrue(events.failure.contains("no answer to the LLQ setup"));
        assertTrue(link.closed);
    }

    @Test
    void aReplyToAnEarlierTransmissionIsStillAccepted() {
        session(false).start();
        Message first = link.lastMessage();
        scheduler.advance(Duration.ofMillis(2_000));
        Message reply = new Message(first.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.addRecord(first.getQuestion(), Section.QUESTION);
        reply.addRecord(new LlqOption(1, LlqOption.SETUP, 0, SERVER_ID, 3600).toOpt(), Section.ADDITIONAL);
        link.receiver.received(server.sign(reply.toWire(), first.getTSIG()));
        assertEquals(LlqOption.of(LlqOption.SETUP, SERVER_ID, 3600), LlqOption.find(link.lastMessage()).orElse(null));
    }

    @Test
    void overTlsRefreshesAtEightyPercentOfTheGrantedLease() {
        session(true).start();
        reply(new LlqOption(1, LlqOption.SETUP, 0, SERVER_ID, 3600), ptr("alice-mbp", 1));
        int before = link.sent.size();
        scheduler.advance(Duration.ofMillis(2_880_000 - 1));
        assertEquals(before, link.sent.size());
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(LlqOption.of(LlqOption.REFRESH, SERVER_ID, 7200), LlqOption.find(link.lastMessage()).orElse(null));
        reply(new LlqOption(1, LlqOption.REFRESH, 0, SERVER_ID, 3600));
        assertEquals(clock.millis() + 3_600_000, events.leaseExpiry);
        assertFalse(events.events.contains("failed"));
    }

    @Test
    void overUdpRefreshesWithinFiveMinutesWhateverTheLeaseSoARestartedServerIsNoticed() {
        establishOverUdp();
        int before = link.sent.size();
        scheduler.advance(Duration.ofMillis(LlqSession.UDP_REFRESH_CAP_MILLIS - 1));
        assertEquals(before, link.sent.size());
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(LlqOption.of(LlqOption.REFRESH, SERVER_ID, 7200), LlqOption.find(link.lastMessage()).orElse(null));
        reply(new LlqOption(1, LlqOption.REFRESH, 0, SERVER_ID, 3600));
        assertEquals(clock.millis() + 3_600_000, events.leaseExpiry, "the lease itself is still the server's");
    }

    @Test
    void unansweredRefreshEndsTheSession() {
        establishOverUdp();
        scheduler.advance(Duration.ofMillis(LlqSession.UDP_REFRESH_CAP_MILLIS + 2_000 + 4_000 + 6_000));
        assertEquals("failed", events.events.get(events.events.size() - 1));
        assertTrue(events.failure.contains("refresh"));
    }

    @Test
    void forgottenLlqEndsTheSessionSoANewSetupCanStart() {
        establishOverUdp();
        scheduler.advance(Duration.ofMillis(LlqSession.UDP_REFRESH_CAP_MILLIS));
        reply(new LlqOption(1, LlqOption.REFRESH, LlqOption.NO_SUCH_LLQ, SERVER_ID, 0));
        assertEquals("failed", events.events.get(events.events.size() - 1));
        assertTrue(events.failure.contains("no longer knows our LLQ"));
    }

    @Test
    void everyEventIsAcknowledgedAsRfc8764Says() throws Exception {
        establishOverUdp();
        byte[] event = event(0xbeef, ptr("bob-mini", 1), false);
        link.receiver.received(event);
        link.receiver.received(event);
        Message ack = link.lastMessage();
        assertEquals(0xbeef, ack.getHeader().getID());
        assertTrue(ack.getHeader().getFlag(Flags.QR));
        assertEquals(0, ack.getSection(Section.ANSWER).size());
        assertEquals(LlqOption.of(LlqOption.EVENT, SERVER_ID, 3500), LlqOption.find(ack).orElse(null));
        Message received = new Message(event);
        assertTrue(server.verify(ack, link.last(), received.getTSIG()), "the ack is signed as a response to the event");
        assertEquals(2, link.sent.stream().filter(m -> m[0] == (byte) 0xbe && m[1] == (byte) 0xef).count(),
                "a repeated event is acknowledged again");
        link.receiver.received(event(0xbef0, ptr("bob-mini", 1), true));
        assertEquals(List.of("+bob-mini._afpovertcp._tcp.alice.btmm.example.",
                "+bob-mini._afpovertcp._tcp.alice.btmm.example.", "-bob-mini._afpovertcp._tcp.alice.btmm.example."),
                events.events.subList(2, events.events.size()));
    }

    @Test
    void unsignedEventsAreDroppedWithoutAcknowledgement() {
        establishOverUdp();
        int before = link.sent.size();
        Message forged = new Message(0x0bad);
        forged.getHeader().setFlag(Flags.QR);
        forged.addRecord(Record.newRecord(QUESTION, Type.PTR, DClass.IN), Section.QUESTION);
        forged.addRecord(ptr("mallory", 1), Section.ANSWER);
        forged.addRecord(LlqOption.of(LlqOption.EVENT, SERVER_ID, 3500).toOpt(), Section.ADDITIONAL);
        link.receiver.received(forged.toWire());
        assertEquals(before, link.sent.size());
        assertEquals(2, events.events.size());
        assertEquals(1, log.count(LogLevel.WARN, "not signed"));
    }

    @Test
    void setupErrorsMakeTheMechanismUnavailable() {
        session(false).start();
        reply(new LlqOption(1, LlqOption.SETUP, 2, 0, 0));
        assertEquals(List.of("failed"), events.events);
        assertTrue(events.failure.contains("LLQ error 2"));
    }

    @Test
    void closingEndsTheLeaseWithAZeroRefresh() {
        LlqSession session = session(false);
        session.start();
        reply(new LlqOption(1, LlqOption.SETUP, 0, SERVER_ID, 3600));
        reply(new LlqOption(1, LlqOption.SETUP, 0, SERVER_ID, 3600));
        session.close();
        LlqOption goodbye = LlqOption.find(link.lastMessage()).orElse(null);
        assertNotNull(goodbye);
        assertEquals(LlqOption.of(LlqOption.REFRESH, SERVER_ID, 0), goodbye);
        assertTrue(link.closed);
        assertTrue(scheduler.nextDelay().isEmpty(), "no timer survives close");
    }

    @Test
    void aServerWithoutLlqIsNoticedAtOnce() {
        session(false).start();
        Message request = link.lastMessage();
        Message plain = new Message(request.getHeader().getID());
        plain.getHeader().setFlag(Flags.QR);
        plain.addRecord(request.getQuestion(), Section.QUESTION);
        plain.addRecord(ptr("alice-mbp", 60), Section.ANSWER);
        link.receiver.received(server.sign(plain.toWire(), request.getTSIG()));
        assertEquals(List.of("failed"), events.events);
        assertTrue(events.failure.contains("does not support LLQ"));
    }

    @Test
    void garbageFromTheNetworkIsIgnored() {
        establishOverUdp();
        link.receiver.received(new byte[] {1, 2, 3});
        link.receiver.received(java.util.Arrays.copyOf(event(0xbeef, ptr("bob-mini", 1), false), 40));
        assertEquals(2, events.events.size());
        assertFalse(link.closed);
    }
}
