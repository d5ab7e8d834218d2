package io.homeward.ike.internal.exchange;

import java.net.Inet6Address;

/**
 * Where the first Child SA of an IKE SA goes, asked just before it is installed: the peer may have a pair keyed by
 * another IKE SA already when both hosts started one at once (RFC 7296 §2.8), and both sides must keep the same one.
 */
@FunctionalInterface
public interface FirstChildPlacement {

    /** As the only pair with the peer, beside the pair keyed by another IKE SA, or not at all. */
    enum Placement {
        /** Installed as the peer's only pair, sending at once. */
        ONLY,
        /**
         * Added beside the peer's pair, as a rekey adds its pair (§2.8): sending at once on the side that initiated
         * this IKE SA, after its first inbound packet on the other.
         */
        BESIDE,
        /** Not installed: the IKE SA keying the peer's pair takes precedence; this IKE SA goes without a Child SA. */
        REFUSED
    }

    Placement place(IkeSaStatus sa, Inet6Address peer);
}
