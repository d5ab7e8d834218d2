package io.homeward.watcher.internal.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import io.homeward.api.watch.WatchedRecord;

/** Session events as strings, in order. */
final class RecordingEvents implements SessionEvents {
    final List<String> events = new ArrayList<>();
    long leaseExpiry;
    long retryAfter;
    String failure;
    boolean trustFailure;
    Predicate<WatchedRecord> removedAll;

    @Override
    public void established() {
        events.add("established");
    }

    @Override
    public void answers(Collection<WatchedRecord> records) {
        events.add("answers" + records.stream().map(WatchedRecord::rdata).toList());
    }

    @Override
    public void added(WatchedRecord record) {
        events.add("+" + record.rdata());
    }

    @Override
    public void removed(WatchedRecord record) {
        events.add("-" + record.rdata());
    }

    @Override
    public void removedAll(Predicate<WatchedRecord> filter) {
        events.add("removedAll");
        removedAll = filter;
    }

    @Override
    public void leaseExpires(long epochMillis) {
        leaseExpiry = epochMillis;
    }

    @Override
    public void interrupted(String reason) {
        events.add("interrupted");
        failure = reason;
    }

    @Override
    public void failed(String reason, long retryAfterMillis, boolean trust) {
        events.add("failed");
        failure = reason;
        retryAfter = retryAfterMillis;
        trustFailure = trust;
    }
}
