package io.homeward.ike.internal;

import io.homeward.ike.internal.exchange.FirstChildPlacement.Placement;
import io.homeward.ike.internal.exchange.IkeSaStatus;

/**
 * Which of two IKE SAs with one peer keys its SA pair, decided alike on both hosts without a word between them
 * (docs/architecture.md, "Data flows"; RFC 7296 §2.8 leaves the choice to the hosts): the IKE SA initiated by the host
 * with the lower ULA takes precedence over one initiated by the other; of two initiated by the same host the newer
 * does (a host runs one negotiation with a peer at a time, so its newer IKE SA replaces one it has forgotten, after a
 * restart say). The first Child SA of an IKE SA without precedence is never installed over the pair of the one with
 * it; once the first Child SA of the IKE SA with precedence is installed, the other IKE SA is deleted with its pair.
 * So if the IKE SA without precedence completes first, its pair carries the packets until the other replaces it. The
 * IKE SAs of a peer that restarted are gone before this is asked: its INITIAL_CONTACT closed them (RFC 7296 §2.4).
 */
final class SimultaneousStart {

    private SimultaneousStart() {
    }

    /**
     * Where the first Child SA of {@code candidate} goes while {@code current} keys the peer's pair.
     *
     * @param thisHostLower whether this host's ULA is lower than the peer's
     */
    static Placement place(IkeSaStatus current, IkeSaStatus candidate, boolean thisHostLower) {
        boolean currentByLower = current.initiator() == thisHostLower;
        boolean candidateByLower = candidate.initiator() == thisHostLower;
        return currentByLower && !candidateByLower ? Placement.REFUSED : Placement.BESIDE;
    }
}
