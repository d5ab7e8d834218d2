package io.homeward.peers.internal;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.osgi.service.log.Logger;

import io.homeward.api.peers.PeerListener;
import io.homeward.api.watch.RecordWatcher;
import io.homeward.api.watch.WatchMechanism;
import io.homeward.kit.schedule.Scheduler;

/**
 * Keeps one {@link ZoneWatch} for the signed-in zone and the record watcher in use, re-creates it
 * when either changes, and reports the peers once their records have settled: the registrar's
 * delete and add of one update arrive as separate events, and a peer must move once, not twice.
 * Callable from any thread; the work runs on the logic thread.
 */
final class DirectoryEngine {
    private final Scheduler logic;
    private final Duration settle;
    private final PeerBook book;
    private final Supplier<Optional<String>> selfName;
    private final Supplier<Optional<Inet6Address>> selfUla;
    private final Logger log;
    /** Written on the logic thread only; volatile so the status can read them. */
    private volatile RecordWatcher watcher;
    private volatile String zone;
    private volatile ZoneWatch current;
    /** Logic thread only. */
    private boolean flushPending;

    /**
     * @param selfName this host's name, whose records are not followed
     * @param selfUla  this host's ULA: a host listed with it is this one under a name it no longer has (a rename's
     *                 old name lingers in the DNS for a moment), never a peer
     */
    DirectoryEngine(Scheduler logic, Duration settle, PeerBook book, Supplier<Optional<String>> selfName,
            Supplier<Optional<Inet6Address>> selfUla, Logger log) {
        this.logic = logic;
        this.settle = settle;
        this.book = book;
        this.selfName = selfName;
        this.selfUla = selfUla;
        this.log = log;
    }

    /** The record watcher in use, or null when none is. */
    void watcher(RecordWatcher next) {
        logic.execute(() -> {
            watcher = next;
            rebuild();
        });
    }

    /** The signed-in user's zone, or null when signed out. */
    void zone(String next) {
        logic.execute(() -> {
            zone = next == null ? null : RecordText.absolute(next);
            rebuild();
        });
    }

    /** This host's name may have changed or become known: follow the right set of hosts. */
    void selfChanged() {
        logic.execute(() -> {
            if (current != null) {
                current.reconcile();
            }
        });
    }

    void addListener(PeerListener listener) {
        book.bind(listener);
        logic.execute(() -> book.addListener(listener));
    }

    void removeListener(PeerListener listener) {
        book.removeListener(listener);
    }

    /** Stops watching; listeners hear every peer go. */
    void close() {
        logic.execute(() -> {
            watcher = null;
            zone = null;
            rebuild();
        });
    }

    /** One line for operators: what the directory is doing or waiting for. */
    String state() {
        String signedIn = zone;
        ZoneWatch watching = current;
        if (signedIn == null) {
            return "not signed in";
        }
        if (watcher == null || watching == null) {
            return "signed in to " + signedIn + "; waiting for a record watcher";
        }
        WatchMechanism mechanism = watching.mechanism();
        String browse = "watching " + ZoneWatch.BROWSE_PREFIX + signedIn;
        return mechanism == WatchMechanism.NONE
                ? browse + "; the record watcher has no working mechanism yet (see homeward:watches)"
                : browse + " with " + mechanism;
    }

    private void rebuild() {
        if (current != null && current.follows(watcher, zone)) {
            return;
        }
        if (current != null) {
            current.close();
            current = null;
            book.update(Map.of());
        }
        if (watcher != null && zone != null) {
            log.info("Watching the hosts of {}", zone);
            current = new ZoneWatch(zone, watcher, logic, selfName, this::changed, log);
        }
    }

    private void changed() {
        if (!flushPending) {
            flushPending = true;
            logic.schedule(this::flush, settle);
        }
    }

    private void flush() {
        flushPending = false;
        book.update(current == null ? Map.of() : others(current.observed()));
    }

    /**
     * The observed hosts but this one, by its ULA (RFC 4193 §3.1: a random prefix of this run and its EUI-64): another
     * runtime on the same machine shares the EUI-64 but not the prefix, and is a peer.
     */
    private Map<String, Observed> others(Map<String, Observed> observed) {
        Optional<Inet6Address> own = selfUla.get();
        if (own.isEmpty()) {
            return observed;
        }
        Map<String, Observed> others = new TreeMap<>();
        observed.forEach((host, seen) -> {
            if (seen.ula().equals(own.get())) {
                log.debug("Not listing {}: its ULA {} is this host's", host, seen.ula());
            } else {
                others.put(host, seen);
            }
        });
        return others;
    }
}
