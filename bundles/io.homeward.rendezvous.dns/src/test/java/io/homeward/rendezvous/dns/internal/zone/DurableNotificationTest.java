package io.homeward.rendezvous.dns.internal.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.util.promise.Promise;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

import io.homeward.rendezvous.dns.internal.ServerFixture;
import io.homeward.rendezvous.dns.internal.TestLogger;

/** Long-lived queries must never hear of a change that a crash could still undo. */
class DurableNotificationTest {
    private final ManualJournal journal = new ManualJournal();
    private final List<ZoneChange> heard = new CopyOnWriteArrayList<>();
    private ZoneStore store;

    @BeforeEach
    void open() throws Exception {
        store = new ZoneStore(ServerFixture.settings(1 << 20, 100, 100, List.of()).zoneTemplate(), journal,
                Clock.systemUTC(), new TestLogger().logger());
        store.open();
        store.createZone(ServerFixture.ALICE);
        store.addListener(heard::add);
    }

    @Test
    void listenersHearAChangeOnlyOnceItIsOnDiskAndInCommitOrder() throws Exception {
        ZoneDelta a = add("a", "fd00::1");
        ZoneDelta b = add("b", "fd00::2");
        Promise<Void> first = store.write(() -> store.commit(alice(), a));
        Promise<Void> second = store.write(() -> store.commit(alice(), b));
        assertTrue(heard.isEmpty(), "journaled and applied, but not yet on disk: nobody hears of it");
        assertFalse(first.isDone() || second.isDone(), "nor is either acknowledged");

        journal.durable(1);
        assertTrue(second.isDone(), "durable once the journal says so");
        assertEquals(2, heard.size(), "the flush that covered the second change covered the first");
        assertEquals(Name.fromString("a.alice.members.example."), heard.get(0).added().get(0).getName());
        assertEquals(Name.fromString("b.alice.members.example."), heard.get(1).added().get(0).getName());
    }

    @Test
    void aChangeTheJournalCouldNotFlushIsNeitherAcknowledgedNorTold() throws Exception {
        ZoneDelta a = add("a", "fd00::1");
        Promise<Void> change = store.write(() -> store.commit(alice(), a));
        journal.failed(0, new IOException("disk full"));
        assertEquals("disk full", change.getFailure().getMessage());
        assertTrue(heard.isEmpty());
    }

    @Test
    void removingAZoneIsToldAtOnceWithEveryChangeBeforeIt() throws Exception {
        ZoneDelta a = add("a", "fd00::1");
        store.write(() -> store.commit(alice(), a));
        assertTrue(store.removeZone(ServerFixture.ALICE));
        assertEquals(2, heard.size(), "the forced removal made the change before it durable too");
        assertEquals(List.of(), heard.get(1).added());
        assertEquals(1, heard.get(1).removed().size());
    }

    private Zone alice() {
        return store.zone(ServerFixture.ALICE);
    }

    private static ZoneDelta add(String label, String address) throws IOException {
        Record r = new AAAARecord(Name.fromString(label + ".alice.members.example."), DClass.IN, 120,
                InetAddress.getByName(address));
        return new ZoneDelta(System.nanoTime() & 0x7fffffff, List.of(), List.of(r), Map.of(), Set.of());
    }
}
