package io.homeward.rendezvous.dns.internal.zone;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import org.osgi.util.promise.Promise;

/**
 * Where the {@link ZoneStore} keeps its changes so that they survive a restart. The store writes one entry at a
 * time, under its write lock; the journal package implements this.
 */
public interface ZoneJournal extends AutoCloseable {

    /** Every entry kept, oldest first, for the store to replay when it opens. */
    List<JournalEntry> load() throws IOException;

    /** Keeps an entry and returns once it, and every entry before it, is on the device. */
    void appendDurably(JournalEntry entry) throws IOException;

    /**
     * Keeps an entry without waiting for the device. The completion resolves once the entry is durable (one
     * flush covers every entry waiting), or fails with the {@link IOException} that kept it from being so.
     *
     * @throws IOException when the entry could not even be written; then nothing was kept
     */
    Promise<Void> append(JournalEntry entry) throws IOException;

    /**
     * Resolves once every entry kept so far is durable, or fails like {@link #append}: what the acknowledgement of
     * a change that needed no entry (it was already made, perhaps by an entry still waiting for its flush) waits for.
     *
     * @throws IOException when the journal cannot tell how far it has written
     */
    Promise<Void> whenAllDurable() throws IOException;

    /** Replaces every entry kept by {@code state} once they have grown large; a failure only leaves them larger. */
    void compactIfLarge(Supplier<List<JournalEntry>> state);

    @Override
    void close() throws IOException;
}
