package io.homeward.rendezvous.dns.internal.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;
import org.osgi.util.promise.Promise;

import io.homeward.kit.files.PrivateDirectories;
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

    private static final Duration FAILURE_SUMMARY_INTERVAL = Duration.ofMinutes(1);
    private static final Duration FIRST_COMPACTION_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_COMPACTION_RETRY = Duration.ofMinutes(10);

    private final Path dir;
    private final long compactionBytes;
    private final Logger log;
    private final FramedLog journal;
    private final FailureLog failures;
    private final GroupCommit groupCommit;
    /** Guarded by the store's write lock, like every call of {@link #compactIfLarge}. */
    private final Backoff compaction;

    /** Opens (and creates when missing) the journal in {@code dir} and starts the group commit thread. */
    public FileJournal(Path dir, long compactionBytes, Logger log) throws IOException {
        this(dir, compactionBytes, log, System::nanoTime);
    }

    FileJournal(Path dir, long compactionBytes, Logger log, LongSupplier nanoTime) throws IOException {
        this.dir = PrivateDirectories.create(dir);
        this.compactionBytes = compactionBytes;
        this.log = log;
        this.journal = new FramedLog(dir.resolve(JOURNAL));
        this.failures = new FailureLog(log, FAILURE_SUMMARY_INTERVAL, nanoTime);
        this.groupCommit = new GroupCommit(journal::awaitDurable, failures, "homeward-dns-group-commit");
        this.compaction = new Backoff(FIRST_COMPACTION_RETRY, LAST_COMPACTION_RETRY, nanoTime);
    }

    /**
     * Every entry of the snapshot, then of the journal, in order. Damaged bytes are cut out (a copy of the file
     * as found is kept) and the intact entries around them are kept; the log says what was read and what was not.
     */
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
        long end;
        try {
            end = journal.write(JournalCodec.encode(entry));
        } catch (IOException e) {
            failures.failed(e, 1);
            throw e;
        }
        return groupCommit.whenDurable(end);
    }

    @Override
    public Promise<Void> whenAllDurable() throws IOException {
        return groupCommit.whenDurable(journal.size());
    }

    @Override
    public void compactIfLarge(Supplier<List<JournalEntry>> state) {
        if (!compaction.due()) {
            return;
        }
        try {
            if (journal.size() > compactionBytes) {
                compact(state.get());
                compaction.succeeded();
            }
        } catch (IOException e) {
            log.warn("Could not compact the DNS journal (it stays complete, only larger); next attempt in {} s: {}",
                    compaction.failed().toSeconds(), e.toString());
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
        } catch (IOException e) {
            // Give back the space a full disk lacks; the next attempt starts afresh anyway.
            deleteQuietly(temp, e);
            throw e;
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
        for (FramedLog.Damage damage : result.damage()) {
            log.warn("Cut {} damaged bytes (bytes {} to {}) out of {}; the intact entries before and after them"
                    + " are kept, and the file as found is in {}", damage.bytes(), damage.from(), damage.to(), file,
                    result.copy());
        }
        int unreadable = 0;
        for (byte[] frame : result.frames()) {
            try {
                entries.add(JournalCodec.decode(frame));
            } catch (IOException e) {
                unreadable++;
                log.warn("Skipped an unreadable entry in {}: {}", file, e.getMessage());
            }
        }
        log.info("Read {} entries from {}; could not read {} damaged bytes in {} place(s) and {} unreadable entries",
                result.frames().size() - unreadable, file,
                result.damage().stream().mapToLong(FramedLog.Damage::bytes).sum(), result.damage().size(), unreadable);
    }

    private static void deleteQuietly(Path file, IOException cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Makes the rename itself durable (POSIX: the directory entry lives in the directory's data). */
    private void forceDirectory() {
        try {
            FramedLog.forceDirectory(dir);
        } catch (IOException e) {
            log.debug("This platform cannot force directory {}: {}", dir, e.getMessage());
        }
    }
}
