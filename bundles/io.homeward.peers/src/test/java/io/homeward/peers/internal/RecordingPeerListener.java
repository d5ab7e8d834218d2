package io.homeward.peers.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.homeward.api.peers.Peer;
import io.homeward.api.peers.PeerListener;

/** Keeps every change it hears. */
final class RecordingPeerListener implements PeerListener {
    record Event(Optional<Peer> before, Optional<Peer> after) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void peerChanged(Optional<Peer> before, Optional<Peer> after) {
        events.add(new Event(before, after));
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** The events heard so far, then forgets them. */
    List<Event> take() {
        List<Event> heard = List.copyOf(events);
        events.clear();
        return heard;
    }
}
