package io.homeward.peers.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.service.log.Logger;

import io.homeward.api.watch.WatchedRecord;

/**
 * The parsed records of one watched name and type, the most recently added last. A host normally
 * publishes one; while an update replaces it both may be present, and the newer one is the truth.
 */
final class LatestValues<T> {
    private final Map<String, T> byRdata = new LinkedHashMap<>();
    private final Function<String, T> parser;

    LatestValues(Function<String, T> parser) {
        this.parser = parser;
    }

    /** Applies one add or remove; false when nothing changed (including unreadable data, which is logged). */
    boolean apply(WatchedRecord record, boolean added, Logger log) {
        String key = record.rdata().trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (!added) {
            return byRdata.remove(key) != null;
        }
        T value;
        try {
            value = parser.apply(record.rdata());
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring the record {} of {}: {}", record.rdata(), record.name(), e.getMessage());
            return false;
        }
        byRdata.remove(key);
        byRdata.put(key, value);
        return true;
    }

    Optional<T> latest() {
        T last = null;
        for (T value : byRdata.values()) {
            last = value;
        }
        return Optional.ofNullable(last);
    }

    void clear() {
        byRdata.clear();
    }
}
