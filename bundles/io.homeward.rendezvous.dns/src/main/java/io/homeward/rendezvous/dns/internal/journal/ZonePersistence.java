package io.homeward.rendezvous.dns.internal.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.log.Logger;

/**
 * The zones on disk: a snapshot of every zone plus a journal of the entries since. A change is durable once
 * {@link #append} returns. When the journal grows past a threshold the caller writes a new snapshot with
 * {@link #compact}: written to a temporary file, forced, then renamed over the old one, and only then is the
 * journal emptied, so a crash at any point leaves snapshot + journal describing the same state.
 */
public final class ZonePersistence implements AutoCloseable {
    static final String JOURNAL = "journal.log";
    static final String SNAPSHOT = "snapshot.dat";
    private static final String SNAPSHOT_TEMP = "snapshot.tmp";

    private final Path dir;
    private final long compactionBytes;
    private final Logger log;
    private final FramedLog journal;

    public ZonePersistence(Path dir, long compactionBytes, Logger log) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.compactionBytes = compactionBytes;
        this.log = log;
        this.journal = new FramedLog(dir.resolve(JOURNAL));
    }

    /** Every entry of the snapshot, then of the journal, in order; damaged tails are cut off with a warning. */
    public List<JournalEntry> load() throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        Path snapshot = dir.resolve(SNAPSHOT);
        if (Files.exists(snapshot)) {
            try (FramedLog log = new FramedLog(snapshot)) {
                decodeInto(log.readAll(), log.path(), entries);
            }
        }
        decodeInto(journal.readAll(), journal.path(), entries);
        return entries;
    }

    public void append(JournalEntry entry) throws IOException {
        journal.append(JournalCodec.encode(entry));
    }

    /** Journals an entry without waiting for the device; see {@link #awaitDurable}. */
    public long write(JournalEntry entry) throws IOException {
        return journal.write(JournalCodec.encode(entry));
    }

    /** How far the journal is known to be on the device; offsets restart at 0 after a compaction. */
    public long durableOffset() {
        return journal.durableOffset();
    }

    /** Returns once the journal is on the device up to {@code offset} (group commit). */
    public void awaitDurable(long offset) throws IOException {
        journal.awaitDurable(offset);
    }

    public boolean needsCompaction() throws IOException {
        return journal.size() > compactionBytes;
    }

    /** Replaces snapshot and journal by a snapshot holding {@code state}. */
    public void compact(List<JournalEntry> state) throws IOException {
        Path temp = dir.resolve(SNAPSHOT_TEMP);
        Files.deleteIfExists(temp);
        try (FramedLog snapshot = new FramedLog(temp)) {
            snapshot.appendAll(state.stream().map(JournalCodec::encode).toList());
        }
        Files.move(temp, dir.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        journal.clear();
        log.info("Compacted the DNS journal into a snapshot of {} entries in {}", state.size(), dir);
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }

    private void decodeInto(FramedLog.ReadResult result, Path file, List<JournalEntry> entries) {
        if (result.damage() != null) {
            log.warn("Cut {} damaged bytes off the end of {} ({}); the {} entries before it are kept",
                    result.bytesCutOff(), file, result.damage(), result.frames().size());
        }
        for (byte[] frame : result.frames()) {
            try {
                entries.add(JournalCodec.decode(frame));
            } catch (IOException e) {
                log.warn("Skipped an unreadable entry in {}: {}", file, e.getMessage());
            }
        }
    }

    /** Makes the rename itself durable (POSIX: the directory entry lives in the directory's data). */
    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("This platform cannot force directory {}: {}", dir, e.getMessage());
        }
    }
}
