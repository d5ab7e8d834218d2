package io.homeward.watcher.internal.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.CookieOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.api.watch.WatchedRecord;
import io.homeward.kit.dns.PushBinding;
import io.homeward.kit.dns.wire.DsoMessage;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;
import io.homeward.watcher.internal.FixedRandom;
import io.homeward.watcher.internal.Hex;
import io.homeward.watcher.internal.ServerWire;
import io.homeward.watcher.internal.TestKeys;
import io.homeward.watcher.internal.wire.DsoMessageTest;
import io.homeward.watcher.internal.wire.PushChange;

class PushSessionTest {
    static final Name QUESTION = DsoMessageTest.QUESTION;
    static final Name ZONE = Name.fromConstantString(TestKeys.ZONE);
    static final byte[] SERVER_COOKIE = Hex.bytes("00112233445566778899aabbccddeeff");

    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_700_000_000_000L));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingEvents events = new RecordingEvents();
    private final FakeLink link = new FakeLink();
    private final ServerWire server = new ServerWire(TestKeys.FIXED);
    private final PushSession session = new PushSession(QUESTION, Type.PTR, ZONE, link,
            TestKeys.signer(TestKeys.FIXED), scheduler, new FixedRandom(0.5), events, new RecordingLogger().logger());

    /** Answers the client's last (ordinary, signed) query, signed, with these answers. */
    private void answerQuery(int rcode, Record... answers) {
        Message query = link.lastMessage();
        assertTrue(server.verify(query, link.last(), null), "the client signs its queries");
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setRcode(rcode);
        response.addRecord(query.getQuestion(), Section.QUESTION);
        for (Record answer : answers) {
            response.addRecord(answer, Section.ANSWER);
        }
        link.receiver.received(server.sign(response.toWire(), query.getTSIG()));
    }

    /** Answers the client's unsigned SOA query with this connection's server cookie (RFC 7873). */
    private void answerChallenge() {
        Message query = link.lastMessage();
        assertNull(query.getTSIG(), "the first SOA query asks for the cookie, unsigned");
        CookieOption cookie = PushBinding.cookieOf(query).orElseThrow();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.addRecord(query.getQuestion(), Section.QUESTION);
        response.addRecord(new OPTRecord(1232, 0, 0, 0, new CookieOption(cookie.getClientCookie(), SERVER_COOKIE)),
                Section.ADDITIONAL);
        link.receiver.received(response.toWire());
    }

    private void start() {
        session.start();
        answerChallenge();
    }

    private DsoMessage lastDso() {
        return DsoMessage.parse(link.last());
    }

    private void answerDso(int rcode, DsoMessage.Tlv... tlvs) {
        link.receiver.received(new DsoMessage(lastDso().id(), true, rcode, List.of(tlvs)).toWire());
    }

    private static DsoMessage.Tlv keepalive(long inactivity, long interval) {
        return new DsoMessage.Tlv(DsoMessage.KEEPALIVE,
                ByteBuffer.allocate(8).putInt((int) inactivity).putInt((int) interval).array());
    }

    private void subscribe() {
        start();
        answerQuery(Rcode.NOERROR);
        answerDso(Rcode.NOERROR, keepalive(600_000, 60_000));
        answerDso(Rcode.NOERROR);
    }

    @Test
    void authenticatesThenStartsTheSessionThenSubscribes() {
        start();
        Message soa = link.lastMessage();
        assertEquals(ZONE, soa.getQuestion().getName());
        assertEquals(Type.SOA, soa.getQuestion().getType());
        assertArrayEquals(SERVER_COOKIE, PushBinding.cookieOf(soa).orElseThrow().getServerCookie().orElseThrow(),
                "the signed SOA query carries the server cookie, covered by its MAC");
        answerQuery(Rcode.NOERROR);
        assertEquals(DsoMessage.KEEPALIVE, lastDso().primaryType());
        answerDso(Rcode.NOERROR, keepalive(600_000, 60_000));
        DsoMessage subscribe = lastDso();
        assertEquals(DsoMessage.SUBSCRIBE, subscribe.primaryType());
        assertEquals(Hex.of(DsoMessage.subscribe(subscribe.id(), QUESTION, Type.PTR, DClass.IN).toWire()),
                Hex.of(link.last()));
        answerDso(Rcode.NOERROR);
        assertEquals(List.of("established"), events.events);
        Message sync = link.lastMessage();
        assertEquals(QUESTION, sync.getQuestion().getName());
    }

    @Test
    void pushesBeforeTheSyncAnswerAreChangesAndTheAnswerIsTheFullSet() {
        subscribe();
        link.receiver.received(Hex.bytes(DsoMessageTest.PUSH_ADD));
        answerQuery(Rcode.NOERROR, LlqSessionTest.ptr("alice-mbp", 4500), LlqSessionTest.ptr("bob-mini", 4500));
        link.receiver.received(DsoMessageTest.pushRemove());
        assertEquals(List.of("established", "+alice-mbp._afpovertcp._tcp.alice.btmm.example.",
                "answers[alice-mbp._afpovertcp._tcp.alice.btmm.example., "
                        + "bob-mini._afpovertcp._tcp.alice.btmm.example.]",
                "-alice-mbp._afpovertcp._tcp.alice.btmm.example."), events.events);
    }

    @Test
    void collectiveRemoveOfTheRrsetRemovesOnlyThatType() {
        subscribe();
        answerQuery(Rcode.NOERROR);
        byte[] owner = QUESTION.toWire();
        byte[] data = ByteBuffer.allocate(owner.length + 10).put(owner).putShort((short) Type.PTR)
                .putShort((short) DClass.IN).putInt((int) PushChange.COLLECTIVE_REMOVE).putShort((short) 0).array();
        DsoMessage push = new DsoMessage(0, false, 0, List.of(new DsoMessage.Tlv(DsoMessage.PUSH, data)));
        link.receiver.received(push.toWire());
        assertEquals("removedAll", events.events.get(events.events.size() - 1));
        assertTrue(events.removedAll.test(new WatchedRecord(QUESTION.toString(), Type.PTR, 0, "x.")));
        assertFalse(events.removedAll.test(new WatchedRecord(QUESTION.toString(), Type.TXT, 0, "x")));
    }

    @Test
    void refusedSubscribeMeansTheMechanismIsNotAvailable() {
        start();
        answerQuery(Rcode.NOERROR);
        answerDso(Rcode.NOERROR, keepalive(600_000, 60_000));
        answerDso(Rcode.REFUSED);
        assertEquals(List.of("failed"), events.events);
        assertTrue(events.failure.contains("REFUSED"));
        assertEquals(300_000, events.retryAfter, "RFC 8765 default retry delay for REFUSED");
        assertTrue(link.closed);
    }

    @Test
    void aServerWithoutCookiesGetsTheSignedSoaQueryWithoutOne() {
        session.start();
        Message challenge = link.lastMessage();
        Message plain = new Message(challenge.getHeader().getID());
        plain.getHeader().setFlag(Flags.QR);
        plain.addRecord(challenge.getQuestion(), Section.QUESTION);
        link.receiver.received(plain.toWire());
        Message signed = link.lastMessage();
        assertTrue(server.verify(signed, link.last(), null));
        assertTrue(PushBinding.cookieOf(signed).isEmpty());
        answerQuery(Rcode.NOERROR);
        assertEquals(DsoMessage.KEEPALIVE, lastDso().primaryType());
    }

    @Test
    void aRejectedKeyMeansTheMechanismIsNotAvailable() {
        start();
        Message query = link.lastMessage();
        Message refusal = new Message(query.getHeader().getID());
        refusal.getHeader().setFlag(Flags.QR);
        refusal.getHeader().setRcode(Rcode.NOTAUTH);
        link.receiver.received(refusal.toWire());
        assertEquals(List.of("failed"), events.events);
        assertTrue(events.failure.contains("refused our key"));
    }

    @Test
    void retryDelayFromTheServerIsHonoured() {
        subscribe();
        answerQuery(Rcode.NOERROR);
        byte[] delay = ByteBuffer.allocate(4).putInt(120_000).array();
        link.receiver.received(new DsoMessage(0, false, 0,
                List.of(new DsoMessage.Tlv(DsoMessage.RETRY_DELAY, delay))).toWire());
        assertEquals("failed", events.events.get(events.events.size() - 1));
        assertEquals(120_000, events.retryAfter);
    }

    @Test
    void aKeepaliveIntervalBelowTenSecondsIsAProtocolError() {
        start();
        answerQuery(Rcode.NOERROR);
        answerDso(Rcode.NOERROR, keepalive(600_000, 5_000));
        assertEquals(List.of("failed"), events.events);
        assertTrue(events.failure.contains("10 s"));
    }

    @Test
    void keepalivesAreSentAndASilentServerIsNoticed() {
        subscribe();
        answerQuery(Rcode.NOERROR);
        int before = link.sent.size();
        scheduler.advance(Duration.ofMillis(60_000));
        assertEquals(before + 1, link.sent.size());
        assertEquals(DsoMessage.KEEPALIVE, lastDso().primaryType());
        answerDso(Rcode.NOERROR, keepalive(600_000, 60_000));
        scheduler.advance(Duration.ofMillis(60_000));
        assertEquals(before + 2, link.sent.size());
        assertFalse(events.events.contains("failed"));
        scheduler.advance(Duration.ofMillis(60_000));
        assertEquals("failed", events.events.get(events.events.size() - 1));
        assertTrue(events.failure.contains("keepalives"));
    }

    @Test
    void closingUnsubscribes() {
        subscribe();
        int subscriptionId = DsoMessage.parse(link.sent.get(3)).id();
        answerQuery(Rcode.NOERROR);
        session.close();
        assertEquals(Hex.of(DsoMessage.unsubscribe(subscriptionId).toWire()), Hex.of(link.last()));
        assertTrue(link.closed);
    }

    @Test
    void aClosedConnectionEndsTheSession() {
        subscribe();
        link.receiver.closed("reset by peer");
        assertEquals("failed", events.events.get(events.events.size() - 1));
        assertTrue(events.failure.contains("reset by peer"));
    }

    @Test
    void aMalformedDsoMessageAbortsTheSession() {
        subscribe();
        answerQuery(Rcode.NOERROR);
        link.receiver.received(new DsoMessage(0, false, 0,
                List.of(new DsoMessage.Tlv(DsoMessage.RETRY_DELAY, new byte[2]))).toWire());
        assertEquals("failed", events.events.get(events.events.size() - 1));
        assertTrue(events.failure.contains("malformed"));
        assertTrue(link.closed);
    }
}
