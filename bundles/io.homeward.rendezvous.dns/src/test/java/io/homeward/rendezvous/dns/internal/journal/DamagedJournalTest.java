package io.homeward.rendezvous.dns.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import io.homeward.rendezvous.dns.internal.ServerFixture;
import io.homeward.rendezvous.dns.internal.TestLogger;
import io.homeward.rendezvous.dns.internal.zone.JournalEntry;
import io.homeward.rendezvous.dns.internal.zone.Zone;
import io.homeward.rendezvous.dns.internal.zone.ZoneDelta;
import io.homeward.rendezvous.dns.internal.zone.ZoneStore;

/** Damaged bytes cost the frames they hit and nothing else; the file as found is kept. */
class DamagedJournalTest {
    private static final int HOSTS = 300;
    private static final long NO_COMPACTION = 1L << 40;

    @TempDir
    Path dir;
    private TestLogger log = new TestLogger();

    @Test
    void flippedBytesInTheMiddleOfTheJournalCostOnlyTheFrameTheyHit() throws Exception {
        writeHosts(NO_COMPACTION);
        List<long[]> frames = frames(dir.resolve(FileJournal.JOURNAL));
        long[] hit = frames.get(frames.size() / 2);
        flip(dir.resolve(FileJournal.JOURNAL), hit[0] + 8 + hit[1] / 2, 4);

        assertEquals(allHostsBut(List.of(hostOf(frames.size() / 2))), hostsAfterRestart());
        assertCopyKept(FileJournal.JOURNAL);
        assertTrue(log.contains("WARN", "Cut " + (hit[1] + 8) + " damaged bytes"), log.lines().toString());
        assertTrue(log.contains("INFO", "Replay restored 1 zone(s) with " + (HOSTS - 1) + " record(s)"),
                log.lines().toString());
    }

    @Test
    void aFlippedChecksumCostsOnlyItsFrame() throws Exception {
        writeHosts(NO_COMPACTION);
        List<long[]> frames = frames(dir.resolve(FileJournal.JOURNAL));
        flip(dir.resolve(FileJournal.JOURNAL), frames.get(100)[0] + 5, 1);

        assertEquals(allHostsBut(List.of(hostOf(100))), hostsAfterRestart());
        assertCopyKept(FileJournal.JOURNAL);
    }

    @Test
    void aLengthFieldMadeHugeOrSmallCostsOnlyItsFrame() throws Exception {
        writeHosts(NO_COMPACTION);
        Path journal = dir.resolve(FileJournal.JOURNAL);
        List<long[]> frames = frames(journal);
        flip(journal, frames.get(50)[0], 1);
        flip(journal, frames.get(200)[0] + 3, 1);

        assertEquals(allHostsBut(List.of(hostOf(50), hostOf(200))), hostsAfterRestart());
    }

    @Test
    void aLostZoneCreationIsRecreatedFromTheChangesAfterIt() throws Exception {
        writeHosts(NO_COMPACTION);
        flip(dir.resolve(FileJournal.JOURNAL), 10, 4);

        assertEquals(allHostsBut(List.of()), hostsAfterRestart());
    }

    @Test
    void flippedBytesInTheMiddleOfTheSnapshotCostOnlyTheRecordsOfThatFrame() throws Exception {
        writeHosts(4096);
        Path snapshot = dir.resolve(FileJournal.SNAPSHOT);
        List<long[]> frames = frames(snapshot);
        assertTrue(frames.size() > 3, "the snapshot holds a zone's records in several frames: " + frames.size());
        long[] hit = frames.get(frames.size() / 2);
        List<String> lost = hostsIn(snapshot, hit);
        assertTrue(lost.size() <= ZoneStore.SNAPSHOT_RECORDS && !lost.isEmpty(), lost.toString());
        flip(snapshot, hit[0] + 8 + hit[1] / 2, 4);

        assertEquals(allHostsBut(lost), hostsAfterRestart());
        assertCopyKept(FileJournal.SNAPSHOT);
    }

    @Test
    void aSnapshotHoldingAZoneInOneFrameIsStillRead() throws Exception {
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            records.add(host(i));
        }
        try (FramedLog snapshot = new FramedLog(dir.resolve(FileJournal.SNAPSHOT))) {
            snapshot.appendAll(List.of(JournalCodec.encode(new JournalEntry.ZoneAdded(ServerFixture.ALICE, 7)),
                    JournalCodec.encode(new JournalEntry.ZoneChanged(ServerFixture.ALICE,
                            new ZoneDelta(7, List.of(), records, Map.of(), Set.of())))));
        }
        assertEquals(allHostsBut(List.of()), hostsAfterRestart());
    }

    private void writeHosts(long compactionBytes) throws Exception {
        FileJournal journal = new FileJournal(dir, compactionBytes, log.logger());
        ZoneStore store = store(journal);
        store.createZone(ServerFixture.ALICE);
        for (int i = 0; i < HOSTS; i++) {
            ZoneDelta delta = new ZoneDelta(i + 10, List.of(), List.of(host(i)), Map.of(), Set.of());
            Throwable failure = store.write(() -> store.commit(store.zone(ServerFixture.ALICE), delta)).getFailure();
            assertEquals(null, failure);
        }
        journal.close();
    }

    private TreeSet<String> hostsAfterRestart() throws Exception {
        log = new TestLogger();
        try (FileJournal journal = new FileJournal(dir, NO_COMPACTION, log.logger())) {
            ZoneStore store = store(journal);
            return store.read(() -> {
                Zone zone = store.zone(ServerFixture.ALICE);
                List<Record> records = zone == null ? List.of() : zone.storedRecords();
                return records.stream().map(r -> label(r.getName())).collect(Collectors.toCollection(TreeSet::new));
            });
        }
    }

    private ZoneStore store(FileJournal journal) throws Exception {
        ZoneStore store = new ZoneStore(ServerFixture.settings(NO_COMPACTION, 100, 100, List.of()).zoneTemplate(),
                journal, Clock.systemUTC(), log.logger());
        store.open();
        return store;
    }

    private void assertCopyKept(String file) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith(file + ".damaged-")).count());
        }
    }

    /** The journal's frame {@code index}: frame 0 created the zone, frame k added host k-1. */
    private static String hostOf(int index) {
        return "host" + (index - 1);
    }

    private static TreeSet<String> allHostsBut(List<String> lost) {
        TreeSet<String> hosts = new TreeSet<>();
        for (int i = 0; i < HOSTS; i++) {
            hosts.add("host" + i);
        }
        hosts.removeAll(lost);
        return hosts;
    }

    private static Record host(int i) {
        return ServerFixture.rr("host" + i, Type.AAAA, "fd00::" + Integer.toHexString(i + 1));
    }

    private static String label(Name name) {
        return name.getLabelString(0);
    }

    /** Every frame of an intact file as {start, payload length}. */
    private static List<long[]> frames(Path file) throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        List<long[]> frames = new ArrayList<>();
        while (bytes.hasRemaining()) {
            int start = bytes.position();
            int length = bytes.getInt(start);
            frames.add(new long[] {start, length});
            bytes.position(start + 8 + length);
        }
        return frames;
    }

    private static List<String> hostsIn(Path file, long[] frame) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        byte[] payload = java.util.Arrays.copyOfRange(bytes, (int) frame[0] + 8, (int) (frame[0] + 8 + frame[1]));
        JournalEntry.ZoneChanged changed = (JournalEntry.ZoneChanged) JournalCodec.decode(payload);
        return changed.delta().added().stream().map(r -> label(r.getName())).toList();
    }

    private static void flip(Path file, long at, int count) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < count; i++) {
            bytes[(int) at + i] ^= 0x5a;
        }
        Files.write(file, bytes);
    }
}
