package io.homeward.rendezvous.dns.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

import io.homeward.rendezvous.dns.internal.EngineFixture;
import io.homeward.rendezvous.dns.internal.TestLogger;
import io.homeward.rendezvous.dns.internal.zone.Zone;
import io.homeward.rendezvous.dns.internal.zone.ZoneChange;
import io.homeward.rendezvous.dns.internal.zone.ZoneDelta;
import io.homeward.rendezvous.dns.internal.zone.ZoneStore;
import io.homeward.rendezvous.dns.internal.zone.ZoneTemplate;

/** Long-lived queries must never hear of a change that a crash could still undo. */
class DurableNotificationTest {

    @Test
    void listenersHearAChangeOnlyOnceItIsOnDiskAndInCommitOrder(@TempDir Path dir) throws Exception {
        TestLogger log = new TestLogger();
        try (ZonePersistence persistence = new ZonePersistence(dir, 1 << 20, log.logger())) {
            ZoneStore store = new ZoneStore(new ZoneTemplate(EngineFixture.settings(1 << 20, 100, 100, List.of())), persistence,
                    java.time.Clock.systemUTC(), log.logger());
            store.open();
            store.createZone(EngineFixture.ALICE);
            List<ZoneChange> heard = new CopyOnWriteArrayList<>();
            store.addListener(heard::add);

            ZoneDelta a = add("a", "fd00::1");
            ZoneDelta b = add("b", "fd00::2");
            long first = store.write(() -> store.commit(alice(store), a));
            long second = store.write(() -> store.commit(alice(store), b));
            assertTrue(heard.isEmpty(), "journaled and applied, but not yet on disk: nobody hears of it");
            assertTrue(second > first);

            store.awaitDurable(second);
            assertEquals(2, heard.size());
            assertEquals(Name.fromString("a.alice.members.example."), heard.get(0).added().get(0).getName());
            assertEquals(Name.fromString("b.alice.members.example."), heard.get(1).added().get(0).getName());
        }
    }

    private static Zone alice(ZoneStore store) {
        return store.zone(EngineFixture.ALICE);
    }

    private static ZoneDelta add(String label, String address) throws Exception {
        Record r = new AAAARecord(Name.fromString(label + ".alice.members.example."), DClass.IN, 120,
                java.net.InetAddress.getByName(address));
        return new ZoneDelta(System.nanoTime() & 0x7fffffff, List.of(), List.of(r), Map.of(), Set.of());
    }
}
