package io.homeward.peers.internal;

import org.osgi.service.log.Logger;

import io.homeward.api.watch.RecordListener;
import io.homeward.api.watch.RecordWatcher;
import io.homeward.api.watch.Subscription;
import io.homeward.api.watch.WatchMechanism;
import io.homeward.api.watch.WatchedRecord;
import io.homeward.kit.schedule.Scheduler;

/**
 * One subscription whose events are handed to the logic thread and dropped once it is closed, so a
 * late event from the watcher never reaches a host the directory has let go.
 */
final class Watch implements AutoCloseable {
    private final String name;
    private final int type;
    private final RecordChange handler;
    private final Subscription subscription;
    /** Logic thread only. */
    private boolean closed;

    /** @throws IllegalArgumentException when the watcher refuses the name */
    Watch(RecordWatcher watcher, String name, int type, Scheduler logic, RecordChange handler) {
        this.name = name;
        this.type = type;
        this.handler = handler;
        this.subscription = watcher.subscribe(name, type, new RecordListener() {
            @Override
            public void added(WatchedRecord record) {
                logic.execute(() -> deliver(record, true));
            }

            @Override
            public void removed(WatchedRecord record) {
                logic.execute(() -> deliver(record, false));
            }
        });
    }

    /** Opens a watch, or logs why the watcher refused it and gives null. */
    static Watch open(RecordWatcher watcher, String name, int type, Scheduler logic, RecordChange handler,
            Logger log) {
        try {
            return new Watch(watcher, name, type, logic, handler);
        } catch (RuntimeException e) {
            log.error("The record watcher refused to watch {} (type {}): {}", name, type, e.getMessage());
            return null;
        }
    }

    String name() {
        return name;
    }

    WatchMechanism mechanism() {
        return subscription.mechanism();
    }

    @Override
    public void close() {
        closed = true;
        subscription.close();
    }

    private void deliver(WatchedRecord record, boolean added) {
        if (!closed && record.type() == type) {
            handler.changed(record, added, subscription.mechanism());
        }
    }
}
