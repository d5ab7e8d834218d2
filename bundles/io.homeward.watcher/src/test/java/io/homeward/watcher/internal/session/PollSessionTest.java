package io.homeward.watcher.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.util.promise.Promise;
import org.osgi.util.promise.PromiseFactory;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;
import io.homeward.watcher.internal.FixedRandom;
import io.homeward.watcher.internal.ServerWire;
import io.homeward.watcher.internal.TestKeys;
import io.homeward.watcher.internal.TestPromises;
import io.homeward.watcher.internal.net.Link;
import io.homeward.watcher.internal.net.Network;

class PollSessionTest {
    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_700_000_000_000L));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingEvents events = new RecordingEvents();
    private final ServerWire server = new ServerWire(TestKeys.FIXED);
    private final List<Record> zone = new ArrayList<>();
    private boolean down;
    private int queries;

    private final Network network = new Network() {
        @Override
        public PromiseFactory promises() {
            return TestPromises.INLINE;
        }

        @Override
        public Promise<byte[]> query(InetSocketAddress to, byte[] wire) {
            queries++;
            if (down) {
                return TestPromises.INLINE.failed(new IOException("no answer"));
            }
            try {
                Message query = new Message(wire);
                assertTrue(server.verify(query, wire, null), "polls are signed");
                Message response = new Message(query.getHeader().getID());
                response.getHeader().setFlag(Flags.QR);
                response.addRecord(query.getQuestion(), Section.QUESTION);
                zone.forEach(record -> response.addRecord(record, Section.ANSWER));
                return TestPromises.INLINE.resolved(server.sign(response.toWire(), query.getTSIG()));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public Link openUdp(InetSocketAddress to, Link.Receiver receiver) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Promise<Link> openTls(InetSocketAddress to, String pin, Link.Receiver receiver) {
            throw new UnsupportedOperationException();
        }
    };

    private PollSession session() {
        return new PollSession(LlqSessionTest.QUESTION, Type.PTR, new InetSocketAddress("127.0.0.1", 53), network,
                TestKeys.signer(TestKeys.FIXED), 60_000, scheduler, new FixedRandom(0.5), events,
                new RecordingLogger().logger());
    }

    @Test
    void pollsEveryIntervalAndReportsEachFullSet() {
        zone.add(LlqSessionTest.ptr("alice-mbp", 120));
        session().start();
        zone.add(LlqSessionTest.ptr("bob-mini", 120));
        scheduler.advance(Duration.ofMillis(59_999));
        assertEquals(1, queries);
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(List.of("established", "answers[alice-mbp._afpovertcp._tcp.alice.btmm.example.]",
                "answers[alice-mbp._afpovertcp._tcp.alice.btmm.example., "
                        + "bob-mini._afpovertcp._tcp.alice.btmm.example.]"),
                events.events);
    }

    @Test
    void aFailedFirstPollMeansPollingDoesNotWork() {
        down = true;
        session().start();
        assertEquals(List.of("failed"), events.events);
        assertTrue(events.failure.contains("no answer"));
    }

    @Test
    void laterFailuresKeepPolling() {
        session().start();
        down = true;
        scheduler.advance(Duration.ofMillis(60_000));
        down = false;
        scheduler.advance(Duration.ofMillis(60_000));
        assertEquals(3, queries);
        assertEquals(List.of("established", "answers[]", "answers[]"), events.events);
    }

    @Test
    void closingStopsPolling() {
        PollSession session = session();
        session.start();
        session.close();
        scheduler.advance(Duration.ofMillis(600_000));
        assertEquals(1, queries);
    }
}
