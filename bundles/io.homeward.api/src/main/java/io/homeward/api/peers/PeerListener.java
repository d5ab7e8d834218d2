package io.homeward.api.peers;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard listener for peer directory changes. */
@ConsumerType
public interface PeerListener {

    /**
     * A peer appeared, moved or went away.
     *
     * @param before the peer as it was, empty if new
     * @param after  the peer as it is, empty if gone
     */
    void peerChanged(Optional<Peer> before, Optional<Peer> after);
}
