package io.homeward.peers.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.log.Logger;

import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerListener;
import io.homeward.kit.text.Ipv6Text;

/**
 * The peers as told to {@link PeerListener}s: turns what the records say now into one event per
 * peer that appeared, moved (endpoint or ULA) or went. Changes run on the logic thread; the
 * snapshot is readable from any thread.
 */
final class PeerBook {
    private final Clock clock;
    private final Logger log;
    private final List<PeerListener> listeners = new CopyOnWriteArrayList<>();
    /** Guarded by {@code listeners}: the listeners DS has bound and not yet unbound. */
    private final Set<PeerListener> bound = new HashSet<>();
    /** Logic thread only. */
    private final Map<String, Peer> told = new TreeMap<>();
    private volatile List<Peer> snapshot = List.of();

    PeerBook(Clock clock, Logger log) {
        this.clock = clock;
        this.log = log;
    }

    List<Peer> peers() {
        return snapshot;
    }

    /** Any thread: the listener is wanted; {@link #addListener} on the logic thread starts telling it. */
    void bind(PeerListener listener) {
        synchronized (listeners) {
            bound.add(listener);
        }
    }

    /**
     * Logic thread: a new listener first hears every current peer as an arrival, then the changes;
     * one unbound in the meantime is left out.
     */
    void addListener(PeerListener listener) {
        synchronized (listeners) {
            if (!bound.contains(listener)) {
                return;
            }
            listeners.add(listener);
        }
        for (Peer peer : told.values()) {
            tell(listener, Optional.empty(), Optional.of(peer));
        }
    }

    /** Any thread: the listener hears nothing more. */
    void removeListener(PeerListener listener) {
        synchronized (listeners) {
            bound.remove(listener);
            listeners.remove(listener);
        }
    }

    /** Logic thread: makes the book match {@code now} (by host name) and tells every listener each difference. */
    void update(Map<String, Observed> now) {
        List<Change> changes = new ArrayList<>();
        for (String host : List.copyOf(told.keySet())) {
            if (!now.containsKey(host)) {
                changes.add(new Change(Optional.of(told.remove(host)), Optional.empty()));
            }
        }
        now.forEach((host, observed) -> {
            Peer before = told.get(host);
            if (before == null) {
                Peer after = new Peer(host, observed.ula(), observed.endpoint(), clock.instant(), observed.source());
                told.put(host, after);
                changes.add(new Change(Optional.empty(), Optional.of(after)));
            } else if (!before.ula().equals(observed.ula()) || !before.endpoint().equals(observed.endpoint())) {
                // Peer.changed is when the endpoint last changed: a new ULA alone keeps it.
                boolean moved = !before.endpoint().equals(observed.endpoint());
                Peer after = new Peer(host, observed.ula(), observed.endpoint(),
                        moved ? clock.instant() : before.changed(), observed.source());
                told.put(host, after);
                changes.add(new Change(Optional.of(before), Optional.of(after)));
            }
        });
        if (changes.isEmpty()) {
            return;
        }
        snapshot = List.copyOf(told.values());
        for (Change change : changes) {
            log.info("Peer {}: {} -> {}", change.hostName(), describe(change.before()), describe(change.after()));
            for (PeerListener listener : listeners) {
                tell(listener, change.before(), change.after());
            }
        }
    }

    private void tell(PeerListener listener, Optional<Peer> before, Optional<Peer> after) {
        try {
            listener.peerChanged(before, after);
        } catch (RuntimeException e) {
            log.warn("A peer listener ({}) failed on a change of {}; the others were still told", listener,
                    before.or(() -> after).map(Peer::hostName).orElse("?"), e);
        }
    }

    private static String describe(Optional<Peer> peer) {
        return peer.map(p -> Ipv6Text.format(p.ula()) + " at " + PeersText.endpoint(p) + " via " + p.source())
                .orElse("none");
    }

    private record Change(Optional<Peer> before, Optional<Peer> after) {
        String hostName() {
            return before.or(() -> after).map(Peer::hostName).orElse("?");
        }
    }
}
