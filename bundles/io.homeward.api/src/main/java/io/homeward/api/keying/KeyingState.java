package io.homeward.api.keying;

/**
 * Where keying with a peer stands.
 *
 * @since 1.0
 */
public enum KeyingState {
    /** No IKE SA and nothing under way: packets to the peer wait for someone to ask for keying. */
    NONE,
    /** An IKE SA is being negotiated with the peer (either side started it). */
    KEYING,
    /** An IKE SA with an installed Child SA: the peer is reachable through the tunnel. */
    UP,
    /** The last negotiation failed; {@link KeyingStatus#detail()} says why. */
    FAILED
}
