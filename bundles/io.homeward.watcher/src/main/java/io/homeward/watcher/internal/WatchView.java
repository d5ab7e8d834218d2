package io.homeward.watcher.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.osgi.service.log.Logger;

import io.homeward.api.watch.RecordListener;
import io.homeward.api.watch.WatchedRecord;
import io.homeward.watcher.internal.wire.Records;

/**
 * What one listener has been told. Every change goes through here so the listener hears each add
 * and remove exactly once, whatever the server repeats, and a fresh full answer set turns into
 * only the differences. Records are the same when owner (case-insensitive), type and RDATA match;
 * the TTL does not count.
 */
final class WatchView {
    private final Map<Key, WatchedRecord> told = new LinkedHashMap<>();
    private final RecordListener listener;
    private final Logger log;

    WatchView(RecordListener listener, Logger log) {
        this.listener = listener;
        this.log = log;
    }

    void add(WatchedRecord record) {
        Key key = Key.of(record);
        if (!told.containsKey(key)) {
            told.put(key, record);
            notify(record, true);
        }
    }

    void remove(WatchedRecord record) {
        WatchedRecord previous = told.remove(Key.of(record));
        if (previous != null) {
            notify(previous, false);
        }
    }

    /** Removes every told record the filter selects (DNS Push collective removes, RFC 8765 §6.3.1). */
    void removeIf(Predicate<WatchedRecord> filter) {
        List<WatchedRecord> gone = new ArrayList<>();
        for (WatchedRecord record : told.values()) {
            if (filter.test(record)) {
                gone.add(record);
            }
        }
        gone.forEach(this::remove);
    }

    /** Makes the told set equal to {@code answers}: removes what vanished, adds what is new. */
    void replaceAll(Collection<WatchedRecord> answers) {
        Map<Key, WatchedRecord> fresh = new LinkedHashMap<>();
        for (WatchedRecord record : answers) {
            fresh.putIfAbsent(Key.of(record), record);
        }
        removeIf(record -> !fresh.containsKey(Key.of(record)));
        fresh.values().forEach(this::add);
    }

    private void notify(WatchedRecord record, boolean added) {
        try {
            if (added) {
                listener.added(record);
            } else {
                listener.removed(record);
            }
        } catch (RuntimeException | LinkageError e) {
            // A LinkageError: the listener's bundle cannot load a class it uses (a package it does not import).
            log.warn("A record listener failed on {}; the watch continues", record, e);
        }
    }

    private record Key(String name, int type, String rdata) {
        static Key of(WatchedRecord record) {
            return new Key(record.name().toLowerCase(Locale.ROOT), record.type(), record.rdata());
        }
    }
}
