package io.homeward.rendezvous.dns.internal.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.osgi.util.promise.Promise;

import io.homeward.rendezvous.dns.internal.zone.JournalEntry;
import io.homeward.rendezvous.dns.internal.zone.ZoneJournal;

/**
 * The zones on disk: a snapshot of every zone plus a journal of the entries since. {@link #append} writes without
 * waiting and a {@link GroupCommit} thread, owned here, makes the entries durable in batches. When the journal
 * grows past a threshold it is compacted: the new snapshot is written to a temporary file, forced, then renamed
 * over the old one, and only then is the journal emptied, so a crash at any point leaves snapshot + journal
 * describing the same state.
 */
public final class FileJournal implements ZoneJournal {
    static final String JOURNAL = "journal.log";
    static final String SNAPSHOT = "snapshot.dat";
    private static final String SNAPSHOT_TEMP = "snapshot.tmp";

    private final Path dir;
    private final long compactionBytes;
    private final Logger log;
    private final FramedLog journal;
    private final GroupCommit groupCommit;

    /** Opens (and creates when missing) the journal in {@code dir} and starts the group commit thread. */
    public FileJournal(Path dir, long compactionBytes, Logger log) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.compactionBytes = compactionBytes;
        this.log = log;
        this.journal = new FramedLog(dir.resolve(JOURNAL));
        this.groupCommit = new GroupCommit(journal::awaitDurable, log, "homeward-dns-group-commit");
    }

    /** Every entry of the snapshot, then of the journal, in order; damaged tails are cut off with a warning. */
    @Override
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

    @Override
    public void appendDurably(JournalEntry entry) throws IOException {
        journal.append(JournalCodec.encode(entry));
    }

    @Override
    public Promise<Void> append(JournalEntry entry) throws IOException {
        return groupCommit.whenDurable(journal.write(JournalCodec.encode(entry)));
    }

    @Override
    public void compactIfLarge(Supplier<List<JournalEntry>> state) {
        try {
            if (journal.size() > compactionBytes) {
                compact(state.get());
            }
        } catch (IOException e) {
            log.warn("Could not compact the DNS journal (it stays complete, only larger): {}", e.getMessage());
        }
    }

    /**
     * Replaces snapshot and journal by a snapshot holding {@code state}. Offsets in the journal restart at 0;
     * the entries still waiting for the group commit are in the forced snapshot, and its next flush resolves them.
     */
    private void compact(List<JournalEntry> state) throws IOException {
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

    /** Resolves what waits for the group commit, stops its thread, then closes the file. */
    @Override
    public void close() throws IOException {
        groupCommit.close();
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
