package io.homeward.watcher.internal.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CookieOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.api.watch.WatchedRecord;
import io.homeward.kit.dns.Backoff;
import io.homeward.kit.dns.FingerprintMismatchException;
import io.homeward.kit.dns.PushBinding;
import io.homeward.kit.dns.wire.DsoMessage;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;
import io.homeward.watcher.internal.FixedRandom;
import io.homeward.watcher.internal.Hex;
import io.homeward.watcher.internal.ServerWire;
import io.homeward.watcher.internal.TestKeys;
import io.homeward.watcher.internal.TestPromises;
import io.homeward.watcher.internal.net.Link;
import io.homeward.watcher.internal.net.LinkOpener;
import io.homeward.watcher.internal.wire.DsoMessageTest;
import io.homeward.watcher.internal.wire.PushChange;

class PushConnectionTest {
    static final Name QUESTION = DsoMessageTest.QUESTION;
    static final Name ZONE = Name.fromConstantString(TestKeys.ZONE);
    static final byte[] SERVER_COOKIE = Hex.bytes("00112233445566778899aabbccddeeff");

    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_700_000_000_000L));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingEvents events = new RecordingEvents();
    private final FakeLink link = new FakeLink();
    private final ServerWire server = new ServerWire(TestKeys.FIXED);
    private final PushConnection connection = connection(link);
    private final PushSubscription session = connection.subscription(QUESTION, Type.PTR, events);
    /** How many of the client's messages the fake server has looked at. */
    private int read;

    private PushConnection connection(LinkOpener opener) {
        return new PushConnection(ZONE, opener, TestKeys.signer(TestKeys.FIXED), scheduler, clock,
                new FixedRandom(0.5), new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)),
                new RecordingLogger().logger());
    }

    /** Answers this (ordinary, signed) query, signed, with these answers. */
    private void answerQuery(Message query, byte[] wire, int rcode, Record... answers) {
        assertTrue(server.verify(query, wire, null), "the client signs its queries");
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setRcode(rcode);
        response.addRecord(query.getQuestion(), Section.QUESTION);
        for (Record answer : answers) {
            response.addRecord(answer, Section.ANSWER);
        }
        link.receiver.received(server.sign(response.toWire(), query.getTSIG()));
    }

    private void answerQuery(int rcode, Record... answers) {
        answerQuery(link.lastMessage(), link.last(), rcode, answers);
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
        answerDso(lastDso().id(), rcode, tlvs);
    }

    private void answerDso(int id, int rcode, DsoMessage.Tlv... tlvs) {
        link.receiver.received(new DsoMessage(id, true, rcode, List.of(tlvs)).toWire());
    }

    private static DsoMessage.Tlv keepalive(long inactivity, long interval) {
        return new DsoMessage.Tlv(DsoMessage.KEEPALIVE,
                ByteBuffer.allocate(8).putInt((int) inactivity).putInt((int) interval).array());
    }

    /** Binds the connection and starts the session with these server timers. */
    private void handshake(long inactivity, long interval) {
        answerChallenge();
        answerQuery(Rcode.NOERROR);
        answerDso(Rcode.NOERROR, keepalive(inactivity, interval));
    }

    private void subscribe() {
        session.start();
        handshake(600_000, 60_000);
        answerDso(Rcode.NOERROR);
    }

    /**
     * Plays a server that acknowledges every SUBSCRIBE and answers every query (empty), as they come, until the
     * client sends nothing new; returns the SUBSCRIBEs seen.
     */
    private List<DsoMessage> serveSubscriptions() {
        List<DsoMessage> subscribes = new ArrayList<>();
        while (read < link.sent.size()) {
            byte[] wire = link.sent.get(read++);
            if (DsoMessage.isDso(wire)) {
                DsoMessage message = DsoMessage.parse(wire);
                if (message.primaryType() == DsoMessage.SUBSCRIBE) {
                    subscribes.add(message);
                    answerDso(message.id(), Rcode.NOERROR);
                }
            } else {
                answerQuery(parse(wire), wire, Rcode.NOERROR);
            }
        }
        return subscribes;
    }

    private static Message parse(byte[] wire) {
        try {
            return new Message(wire);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Name host(int n) {
        return Name.fromConstantString("peer" + n + "." + TestKeys.ZONE);
    }

    private static byte[] pushAdd(Name name, String address) throws IOException {
        Record record = new AAAARecord(name, DClass.IN, 60, InetAddress.getByName(address));
        return DsoMessage.unidirectional(new DsoMessage.Tlv(DsoMessage.PUSH, record.toWireCanonical())).toWire();
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
    void manySubscriptionsShareOneSessionAndEachPushReachesItsWatch() throws Exception {
        int count = 100;
        List<RecordingEvents> watches = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            RecordingEvents watch = new RecordingEvents();
            watches.add(watch);
            connection.subscription(host(n), Type.AAAA, watch).start();
        }
        assertEquals(1, link.opens, "one connection for every watch");
        handshake(600_000, 60_000);
        read = link.sent.size();
        long subscribesInFirstBurst = link.sent.stream().filter(DsoMessage::isDso).map(DsoMessage::parse)
                .filter(m -> m.primaryType() == DsoMessage.SUBSCRIBE).count();
        assertEquals(PushConnection.WINDOW, subscribesInFirstBurst, "no more requests outstanding than the window");
        read -= PushConnection.WINDOW;
        List<DsoMessage> subscribes = serveSubscriptions();
        assertEquals(count, subscribes.size());
        Set<Integer> ids = new HashSet<>();
        Set<Name> names = new HashSet<>();
        for (DsoMessage subscribe : subscribes) {
            ids.add(subscribe.id());
            names.add(new Name(new DNSInput(subscribe.tlvs().get(0).data())));
        }
        assertEquals(count, ids.size(), "each SUBSCRIBE has its own message ID (RFC 8765 §6.2)");
        assertEquals(count, names.size());
        for (int n = 0; n < count; n++) {
            assertEquals(List.of("established", "answers[]"), watches.get(n).events);
            link.receiver.received(pushAdd(host(n), "fd00::" + Integer.toHexString(n + 1)));
        }
        for (int n = 0; n < count; n++) {
            assertEquals(List.of("established", "answers[]", "+fd00:0:0:0:0:0:0:" + Integer.toHexString(n + 1)),
                    watches.get(n).events, "the PUSH for peer" + n + " reached its watch alone");
        }
        assertEquals(1, link.opens);
    }

    @Test
    void watchesOfOneNameShareOneSubscribeUntilTheLastCloses() throws Exception {
        RecordingEvents second = new RecordingEvents();
        PushSubscription other = connection.subscription(QUESTION, Type.PTR, second);
        subscribe();
        other.start();
        assertEquals(List.of("established"), second.events, "the existing SUBSCRIBE serves the second watch");
        read = 3;
        assertEquals(1, serveSubscriptions().size(), "after the challenge, the binding query and the keepalive");
        link.receiver.received(Hex.bytes(DsoMessageTest.PUSH_ADD));
        assertEquals("+alice-mbp._afpovertcp._tcp.alice.btmm.example.", events.events.get(2));
        assertEquals("+alice-mbp._afpovertcp._tcp.alice.btmm.example.", second.events.get(2));
        int before = link.sent.size();
        session.close();
        assertEquals(before, link.sent.size(), "still watched: no UNSUBSCRIBE");
        other.close();
        assertEquals(DsoMessage.UNSUBSCRIBE, lastDso().primaryType());
        assertTrue(link.closed, "no subscription left: the session ends");
    }

    @Test
    void aLostSessionReconnectsWithBackoffAndSubscribesEverythingAgain() throws Exception {
        List<RecordingEvents> watches = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            RecordingEvents watch = new RecordingEvents();
            watches.add(watch);
            connection.subscription(host(n), Type.AAAA, watch).start();
        }
        handshake(600_000, 60_000);
        read = link.sent.size() - PushConnection.WINDOW;
        assertEquals(20, serveSubscriptions().size());
        link.receiver.closed("reset by peer");
        watches.forEach(w -> assertEquals(List.of("established", "answers[]", "interrupted"), w.events));
        assertEquals(1, link.opens);
        assertEquals(1_000, scheduler.nextDelay().orElseThrow().toMillis(), "the first reconnection after 1 s");
        scheduler.advance(Duration.ofMillis(1_000));
        assertEquals(2, link.opens);
        handshake(600_000, 60_000);
        read = link.sent.size() - PushConnection.WINDOW;
        assertEquals(20, serveSubscriptions().size(), "every name subscribed again");
        watches.forEach(w -> assertEquals(List.of("established", "answers[]", "interrupted", "established",
                "answers[]"), w.events, "and its answer set read again"));
        link.receiver.received(pushAdd(host(7), "fd00::7"));
        assertEquals("+fd00:0:0:0:0:0:0:7", watches.get(7).events.get(5));
    }

    @Test
    void aSecondLossSoonAfterWaitsLonger() {
        subscribe();
        answerQuery(Rcode.NOERROR);
        link.receiver.closed("reset");
        scheduler.advance(Duration.ofMillis(1_000));
        handshake(600_000, 60_000);
        link.receiver.closed("reset again");
        assertEquals(2_000, scheduler.nextDelay().orElseThrow().toMillis(), "exponential backoff");
    }

    @Test
    void aSessionThatCannotBeOpenedAgainFailsItsWatchesSoTheyFallBack() {
        subscribe();
        answerQuery(Rcode.NOERROR);
        link.receiver.closed("reset");
        scheduler.advance(Duration.ofMillis(1_000));
        link.receiver.closed("refused");
        assertEquals(List.of("established", "answers[]", "interrupted", "failed"), events.events);
    }

    @Test
    void oneRefusedSubscriptionFallsBackAloneAndTheOthersStay() throws Exception {
        RecordingEvents refused = new RecordingEvents();
        RecordingEvents kept = new RecordingEvents();
        connection.subscription(host(1), Type.AAAA, kept).start();
        connection.subscription(host(2), Type.AAAA, refused).start();
        handshake(600_000, 60_000);
        List<DsoMessage> subscribes = link.sent.stream().filter(DsoMessage::isDso).map(DsoMessage::parse)
                .filter(m -> m.primaryType() == DsoMessage.SUBSCRIBE).toList();
        answerDso(subscribes.get(1).id(), Rcode.REFUSED);
        assertEquals(List.of("failed"), refused.events);
        assertTrue(refused.failure.contains("REFUSED"));
        assertEquals(300_000, refused.retryAfter, "RFC 8765 default retry delay for REFUSED");
        assertFalse(link.closed);
        answerDso(subscribes.get(0).id(), Rcode.NOERROR);
        answerQuery(Rcode.NOERROR);
        assertEquals(List.of("established", "answers[]"), kept.events);
        link.receiver.received(pushAdd(host(1), "fd00::1"));
        link.receiver.received(pushAdd(host(2), "fd00::2"));
        assertEquals(List.of("established", "answers[]", "+fd00:0:0:0:0:0:0:1"), kept.events);
        assertEquals(List.of("failed"), refused.events);
    }

    @Test
    void pushesBeforeTheSyncAnswerAreAppliedOnTopOfIt() {
        subscribe();
        link.receiver.received(Hex.bytes(DsoMessageTest.PUSH_ADD));
        assertEquals(List.of("established"), events.events, "held until the answer set is known");
        answerQuery(Rcode.NOERROR, LlqSessionTest.ptr("alice-mbp", 4500), LlqSessionTest.ptr("bob-mini", 4500));
        link.receiver.received(DsoMessageTest.pushRemove());
        assertEquals(List.of("established",
                "answers[alice-mbp._afpovertcp._tcp.alice.btmm.example., "
                        + "bob-mini._afpovertcp._tcp.alice.btmm.example.]",
                "+alice-mbp._afpovertcp._tcp.alice.btmm.example.",
                "-alice-mbp._afpovertcp._tcp.alice.btmm.example."), events.events);
    }

    @Test
    void anAdditionTheServerPushedAfterReadingTheAnswerSetIsNotLostByIt() {
        subscribe();
        link.receiver.received(Hex.bytes(DsoMessageTest.PUSH_ADD));
        answerQuery(Rcode.NOERROR, LlqSessionTest.ptr("bob-mini", 4500));
        assertEquals(List.of("established", "answers[bob-mini._afpovertcp._tcp.alice.btmm.example.]",
                "+alice-mbp._afpovertcp._tcp.alice.btmm.example."), events.events,
                "the addition comes last, after the answer set that missed it");
    }

    @Test
    void aRemovalPushedBeforeAnAnswerSetStillHoldingTheRecordWins() {
        subscribe();
        link.receiver.received(DsoMessageTest.pushRemove());
        answerQuery(Rcode.NOERROR, LlqSessionTest.ptr("alice-mbp", 4500));
        assertEquals(List.of("established", "answers[alice-mbp._afpovertcp._tcp.alice.btmm.example.]",
                "-alice-mbp._afpovertcp._tcp.alice.btmm.example."), events.events);
    }

    @Test
    void tooManyChangesWhileReadingTheAnswerSetReadItAgain() {
        subscribe();
        int queries = link.sent.size();
        for (int n = 0; n <= PushConnection.MAX_HELD_CHANGES + 1; n++) {
            link.receiver.received(Hex.bytes(DsoMessageTest.PUSH_ADD));
        }
        answerQuery(Rcode.NOERROR);
        assertEquals(List.of("established"), events.events, "that answer set is stale");
        assertEquals(queries + 1, link.sent.size(), "the answer set is asked for again");
        answerQuery(Rcode.NOERROR, LlqSessionTest.ptr("alice-mbp", 4500));
        assertEquals(List.of("established", "answers[alice-mbp._afpovertcp._tcp.alice.btmm.example.]"),
                events.events);
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
        assertTrue(link.closed, "its only subscription gone, the session ends");
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
    void aPinMismatchFailsTheWatchesAsATrustFailure() {
        PushConnection pinned = connection(receiver -> TestPromises.INLINE.<Link>failed(
                new FingerprintMismatchException("aa".repeat(32), "bb".repeat(32))));
        pinned.subscription(QUESTION, Type.PTR, events).start();
        assertEquals(List.of("failed"), events.events);
        assertTrue(events.trustFailure);
    }

    @Test
    void retryDelayFromTheServerIsHonoured() {
        subscribe();
        answerQuery(Rcode.NOERROR);
        byte[] delay = ByteBuffer.allocate(4).putInt(120_000).array();
        link.receiver.received(new DsoMessage(0, false, 0,
                List.of(new DsoMessage.Tlv(DsoMessage.RETRY_DELAY, delay))).toWire());
        assertEquals("interrupted", events.events.get(events.events.size() - 1));
        assertEquals(120_000, scheduler.nextDelay().orElseThrow().toMillis());
        assertTrue(link.closed);
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
        assertFalse(events.events.contains("interrupted"));
        scheduler.advance(Duration.ofMillis(60_000));
        assertEquals("interrupted", events.events.get(events.events.size() - 1));
        assertTrue(events.failure.contains("did not answer") || events.failure.contains("keepalives"));
    }

    @Test
    void keepalivesGoOutWellBeforeTheServersInactivityTimeout() {
        session.start();
        handshake(30_000, 60_000);
        answerDso(Rcode.NOERROR);
        answerQuery(Rcode.NOERROR);
        assertEquals(15_000, connection.probeMillis(), "half the 30 s inactivity timeout, inside the 60 s interval");
        int before = link.sent.size();
        scheduler.advance(Duration.ofMillis(14_999));
        assertEquals(before, link.sent.size());
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(DsoMessage.KEEPALIVE, lastDso().primaryType());
    }

    @Test
    void aSubscriptionThatDeliversNothingIsNotAssumedDead() {
        subscribe();
        answerQuery(Rcode.NOERROR);
        for (int minute = 0; minute < 30; minute++) {
            scheduler.advance(Duration.ofMillis(60_000));
            answerDso(Rcode.NOERROR, keepalive(600_000, 60_000));
        }
        assertEquals(List.of("established", "answers[]"), events.events, "silence is not a failure");
        assertFalse(link.closed);
    }

    @Test
    void aRequestUnansweredFor30SecondsEndsTheSession() {
        session.start();
        handshake(600_000, 60_000);
        scheduler.advance(Duration.ofMillis(PushConnection.RESPONSE_MILLIS - 1));
        assertFalse(link.closed);
        scheduler.advance(Duration.ofMillis(1));
        assertTrue(link.closed, "the unanswered SUBSCRIBE leaves the server's state unknown");
        assertEquals(List.of(), events.events, "the watch was not established yet: it just waits");
        assertEquals(1_000, scheduler.nextDelay().orElseThrow().toMillis());
    }

    @Test
    void aMoveOpensANewConnectionAtOnce() {
        subscribe();
        answerQuery(Rcode.NOERROR);
        connection.reconnect();
        assertEquals(2, link.opens);
        assertEquals("interrupted", events.events.get(events.events.size() - 1));
        handshake(600_000, 60_000);
        answerDso(Rcode.NOERROR);
        answerQuery(Rcode.NOERROR);
        assertEquals(List.of("established", "answers[]", "interrupted", "established", "answers[]"), events.events);
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
    void aMalformedDsoMessageAbortsTheSession() {
        subscribe();
        answerQuery(Rcode.NOERROR);
        link.receiver.received(new DsoMessage(0, false, 0,
                List.of(new DsoMessage.Tlv(DsoMessage.RETRY_DELAY, new byte[2]))).toWire());
        assertEquals("interrupted", events.events.get(events.events.size() - 1));
        assertTrue(events.failure.contains("malformed"));
        assertTrue(link.closed);
    }
}
