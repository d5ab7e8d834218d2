package io.homeward.rendezvous.dns.internal.zone;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.osgi.util.promise.Deferred;
import org.osgi.util.promise.Promise;
import org.osgi.util.promise.PromiseFactory;

/** A journal in memory whose entries become durable, or fail to, when the test says so. */
final class ManualJournal implements ZoneJournal {
    final List<JournalEntry> entries = new ArrayList<>();
    private final List<Deferred<Void>> waiting = new ArrayList<>();
    private final PromiseFactory promises = new PromiseFactory(PromiseFactory.inlineExecutor());

    @Override
    public List<JournalEntry> load() {
        return List.of();
    }

    @Override
    public void appendDurably(JournalEntry entry) {
        entries.add(entry);
    }

    @Override
    public Promise<Void> append(JournalEntry entry) {
        entries.add(entry);
        Deferred<Void> durable = promises.deferred();
        waiting.add(durable);
        return durable.getPromise();
    }

    /** The last append's completion: one flush covers every entry before it. */
    @Override
    public Promise<Void> whenAllDurable() {
        return waiting.isEmpty() ? promises.resolved(null) : waiting.get(waiting.size() - 1).getPromise();
    }

    /** The flush of the {@code index}th {@link #append} (from 0) succeeded. */
    void durable(int index) {
        waiting.get(index).resolve(null);
    }

    /** The flush of the {@code index}th {@link #append} (from 0) failed. */
    void failed(int index, IOException e) {
        waiting.get(index).fail(e);
    }

    @Override
    public void compactIfLarge(Supplier<List<JournalEntry>> state) {
    }

    @Override
    public void close() {
    }
}
