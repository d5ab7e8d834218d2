package io.homeward.rendezvous.dns.internal.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

import io.homeward.kit.log.CountedLog;
import io.homeward.rendezvous.dns.internal.ServerFixture;
import io.homeward.rendezvous.dns.internal.TestLogger;
import io.homeward.rendezvous.dns.internal.lease.LeasePolicy;
import io.homeward.rendezvous.dns.internal.tsig.KeyRights;
import io.homeward.rendezvous.dns.internal.tsig.TsigOutcome;
import io.homeward.rendezvous.dns.internal.update.UpdateProcessor;
import io.homeward.rendezvous.dns.internal.update.UpdateResult;

/**
 * An UPDATE that changes nothing rests on the state it found: its acknowledgement waits until every change before
 * it is durable, above all the one that made it a no-op (a retransmission of an UPDATE still waiting for its flush).
 */
class NoChangeAcknowledgementTest {
    private final ManualJournal journal = new ManualJournal();
    private ZoneStore store;
    private static final int QUOTA = 10_000;
    private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();
    private UpdateProcessor updates;

    @BeforeEach
    void open() throws Exception {
        TestLogger log = new TestLogger();
        store = new ZoneStore(ServerFixture.settings(1 << 20, 100, 100, List.of()).zoneTemplate(), journal,
                Clock.systemUTC(), log.logger());
        store.open();
        store.createZone(ServerFixture.ALICE);
        updates = new UpdateProcessor(store, new LeasePolicy(60, 7200), QUOTA, Clock.systemUTC(), log.logger(),
                new CountedLog(log.logger(), Clock.systemUTC(), Duration.ofMinutes(1)));
    }

    @Test
    void aRetransmissionIsAcknowledgedOnlyOnceTheOriginalIsDurable() throws Exception {
        Message update = addHost();
        UpdateResult original = updates.process(update, signedByAlice(), CLIENT);
        int journaled = journal.entries.size();
        UpdateResult retransmission = updates.process(update, signedByAlice(), CLIENT);

        assertEquals(Rcode.NOERROR, retransmission.rcode());
        assertEquals(journaled, journal.entries.size(), "the retransmission changed nothing and journaled nothing");
        assertFalse(retransmission.durable().isDone(), "the record it found is not on disk yet");

        journal.durable(0);
        assertTrue(original.durable().isDone());
        assertTrue(retransmission.durable().isDone(), "the flush that covered the original covers its retransmission");
        assertEquals(null, retransmission.durable().getFailure());
    }

    @Test
    void aRetransmissionFailsWhenTheOriginalCouldNotBeFlushed() throws Exception {
        Message update = addHost();
        updates.process(update, signedByAlice(), CLIENT);
        UpdateResult retransmission = updates.process(update, signedByAlice(), CLIENT);
        journal.failed(0, new IOException("disk full"));
        assertEquals("disk full", retransmission.durable().getFailure().getMessage());
    }

    @Test
    void aNoOpOnAQuietJournalIsAcknowledgedAtOnce() throws Exception {
        Update update = new Update(ServerFixture.ALICE);
        update.delete(ServerFixture.rr("nobody", Type.A, "203.0.113.1").getName(), Type.A);
        UpdateResult result = updates.process(update, signedByAlice(), CLIENT);
        assertEquals(Rcode.NOERROR, result.rcode());
        assertTrue(result.durable().isDone(), "nothing is waiting for the disk");
    }

    private static Message addHost() {
        Update update = new Update(ServerFixture.ALICE);
        update.add(ServerFixture.rr("host", Type.A, "203.0.113.7"));
        return update;
    }

    private static TsigOutcome signedByAlice() {
        TSIGRecord tsig = new TSIGRecord(ServerFixture.ALICE, DClass.ANY, 0, TSIG.HMAC_SHA256, Instant.now(),
                Duration.ofSeconds(300), new byte[32], 0, Rcode.NOERROR, null);
        return new TsigOutcome(Rcode.NOERROR, tsig, null,
                new KeyRights(ServerFixture.ALICE, Optional.empty()));
    }
}
