package io.homeward.resolver.internal;

import static io.homeward.resolver.internal.Fixtures.HOME;
import static io.homeward.resolver.internal.Fixtures.parse;
import static io.homeward.resolver.internal.Fixtures.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.kit.log.CountedLog;
import io.homeward.kit.net.RateLimiter;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.TestHostIdentity;

class NameServerTest {
    private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();

    private final MutableClock clock = new MutableClock();
    private final SigningRendezvous rendezvous = new SigningRendezvous(clock);
    private final ServedCounters counters = new ServedCounters();
    private final List<byte[]> sent = new ArrayList<>();
    private final SignedIn signedIn = Fixtures.signedIn(clock);

    private NameServer server(Executor forwarding, int perSecond) {
        ZoneSoa soa = new ZoneSoa();
        return new NameServer(() -> Optional.of(Fixtures.view(List.of(HOME))), () -> Optional.of(signedIn), soa,
                new Forwarder(rendezvous, new Random(2), soa), forwarding,
                new RateLimiter<>(perSecond, 2 * perSecond, 16, clock), counters,
                new CountedLog(new RecordingLogger().logger(), clock, Duration.ofMinutes(1)));
    }

    private Message ask(NameServer server, Message query, boolean stream) {
        server.handle(query.toWire(), CLIENT, stream, sent::add);
        return parse(sent.get(sent.size() - 1));
    }

    @Test
    void directoryNamesAreAnsweredWithoutTheRendezvous() {
        Message response = ask(server(Runnable::run, 100), query("home.alice.members.example.", Type.AAAA), false);
        assertEquals(Fixtures.HOME_ULA, ((AAAARecord) response.getSectionArray(Section.ANSWER)[0]).getAddress());
        assertTrue(rendezvous.asked.isEmpty());
        assertEquals(1, counters.of(Decision.Outcome.DIRECTORY));
    }

    @Test
    void otherNamesOfTheZoneGoToTheRendezvous() {
        rendezvous.answers(Rcode.NXDOMAIN, response -> response.addRecord(Fixtures.soa(60, 60), Section.AUTHORITY));
        Message response = ask(server(Runnable::run, 100), query("nas.alice.members.example.", Type.AAAA), false);
        assertEquals(Rcode.NXDOMAIN, response.getRcode());
        assertEquals(1, rendezvous.asked.size());
        assertEquals(1, counters.of(Decision.Outcome.FORWARDED));
    }

    @Test
    void withEveryForwardingThreadBusyTheAnswerIsServfailAtOnce() {
        Executor full = task -> {
            throw new RejectedExecutionException("queue full");
        };
        Message response = ask(server(full, 100), query("nas.alice.members.example.", Type.AAAA), false);
        assertEquals(Rcode.SERVFAIL, response.getRcode());
        assertEquals(1, counters.of(Decision.Outcome.FORWARD_FAILED));
    }

    @Test
    void aSourceOverItsRateIsDroppedUntilItsBucketRefills() {
        NameServer server = server(Runnable::run, 5);
        for (int i = 0; i < 12; i++) {
            server.handle(query("home.alice.members.example.", Type.AAAA).toWire(), CLIENT, false, sent::add);
        }
        assertEquals(10, sent.size(), "a burst of twice the rate");
        assertEquals(2, counters.rateLimitedCount());
        clock.advance(Duration.ofSeconds(1));
        server.handle(query("home.alice.members.example.", Type.AAAA).toWire(), CLIENT, false, sent::add);
        assertEquals(11, sent.size());
    }

    @Test
    void garbageWithAHeaderIsAFormatErrorUnderItsId() {
        byte[] garbage = {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 'h'};
        NameServer server = server(Runnable::run, 100);
        server.handle(garbage, CLIENT, false, sent::add);
        Message response = parse(sent.get(0));
        assertEquals(0x1234, response.getHeader().getID());
        assertEquals(Rcode.FORMERR, response.getRcode());
        assertTrue(response.getHeader().getFlag(Flags.QR));

        server.handle(new byte[] {1, 2, 3}, CLIENT, false, sent::add);
        assertEquals(1, sent.size(), "less than a header gets nothing");
        assertEquals(2, counters.of(Decision.Outcome.MALFORMED));
    }

    @Test
    void udpAnswersFitTheClientsBufferAndAreTruncatedBeyond() {
        rendezvous.answers(Rcode.NOERROR, response -> {
            for (int i = 0; i < 60; i++) {
                response.addRecord(new AAAARecord(Fixtures.name("many.alice.members.example."), DClass.IN, 60,
                        TestHostIdentity.ula("fd00::" + Integer.toHexString(i + 1))), Section.ANSWER);
            }
        });
        NameServer server = server(Runnable::run, 100);
        Message plain = query("many.alice.members.example.", Type.AAAA);
        server.handle(plain.toWire(), CLIENT, false, sent::add);
        assertTrue(sent.get(0).length <= 512, "no EDNS: 512 octets");
        assertTrue(parse(sent.get(0)).getHeader().getFlag(Flags.TC));

        Message edns = query("many.alice.members.example.", Type.AAAA);
        edns.addRecord(new OPTRecord(4096, 0, 0), Section.ADDITIONAL);
        server.handle(edns.toWire(), CLIENT, false, sent::add);
        assertTrue(sent.get(1).length <= Responses.EDNS_PAYLOAD, "EDNS: at most 1232 octets");
        assertEquals(Responses.EDNS_PAYLOAD, parse(sent.get(1)).getOPT().getPayloadSize());

        server.handle(plain.toWire(), CLIENT, true, sent::add);
        assertEquals(60, parse(sent.get(2)).getSectionArray(Section.ANSWER).length, "TCP carries it whole");
    }
}
