package io.homeward.watcher.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.homeward.api.watch.RecordListener;
import io.homeward.api.watch.WatchedRecord;

/** Keeps every callback as "+rdata" or "-rdata", in order. */
final class RecordingListener implements RecordListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void added(WatchedRecord record) {
        events.add("+" + record.rdata());
    }

    @Override
    public void removed(WatchedRecord record) {
        events.add("-" + record.rdata());
    }
}
