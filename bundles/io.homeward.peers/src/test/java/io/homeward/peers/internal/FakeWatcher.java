package io.homeward.peers.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.xbill.DNS.Type;

import io.homeward.api.watch.RecordListener;
import io.homeward.api.watch.RecordWatcher;
import io.homeward.api.watch.Subscription;
import io.homeward.api.watch.WatchMechanism;
import io.homeward.api.watch.WatchedRecord;

/**
 * An in-memory zone behind the RecordWatcher contract: tests add and remove records, open subscriptions hear
 * them. Safe to use from the test thread and the directory's thread at once.
 */
final class FakeWatcher implements RecordWatcher {
    private final Set<WatchedRecord> records = new LinkedHashSet<>();
    private final List<FakeSubscription> open = new CopyOnWriteArrayList<>();
    private volatile WatchMechanism mechanism = WatchMechanism.LLQ_TLS;

    void mechanism(WatchMechanism now) {
        mechanism = now;
    }

    synchronized void add(String name, int type, String rdata) {
        WatchedRecord record = new WatchedRecord(name.toLowerCase(Locale.ROOT), type, 300, rdata);
        if (records.add(record)) {
            open.stream().filter(s -> s.matches(record)).forEach(s -> s.listener.added(record));
        }
    }

    synchronized void remove(String name, int type, String rdata) {
        WatchedRecord record = new WatchedRecord(name.toLowerCase(Locale.ROOT), type, 300, rdata);
        if (records.remove(record)) {
            open.stream().filter(s -> s.matches(record)).forEach(s -> s.listener.removed(record));
        }
    }

    /** The open subscriptions as "name TYPE", for example {@code laptop.alice.members.example. AAAA}. */
    synchronized List<String> watched() {
        List<String> names = new ArrayList<>();
        open.forEach(s -> names.add(s.name + " " + Type.string(s.type)));
        return names;
    }

    @Override
    public synchronized Subscription subscribe(String name, int type, RecordListener listener) {
        FakeSubscription subscription = new FakeSubscription(name.toLowerCase(Locale.ROOT), type, listener);
        open.add(subscription);
        records.stream().filter(subscription::matches).toList().forEach(listener::added);
        return subscription;
    }

    private final class FakeSubscription implements Subscription {
        private final String name;
        private final int type;
        private final RecordListener listener;

        FakeSubscription(String name, int type, RecordListener listener) {
            this.name = name;
            this.type = type;
            this.listener = listener;
        }

        boolean matches(WatchedRecord record) {
            return record.name().equals(name) && record.type() == type;
        }

        @Override
        public WatchMechanism mechanism() {
            return mechanism;
        }

        @Override
        public void close() {
            open.remove(this);
        }
    }
}
