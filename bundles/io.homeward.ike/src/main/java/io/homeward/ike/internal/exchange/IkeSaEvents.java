package io.homeward.ike.internal.exchange;

import io.homeward.api.sa.SaSpec;

/**
 * Told, on the engine's thread and in the middle of its work, when an IKE SA installed its first Child SA, when it
 * was established without one, and when it closed. A listener that wants to act on the engine does so in a task of
 * its own, after the engine's step.
 */
public interface IkeSaEvents {

    /** The SA (now established) installed this Child SA pair in the SA database. */
    void childInstalled(IkeSaStatus sa, SaSpec child);

    /** The SA was established, but the peer or this side refused its first Child SA (RFC 7296 §1.2). */
    void noChild(IkeSaStatus sa, String reason);

    /** The SA closed: given up, refused, failed or closed here; it is gone from the engine. */
    void closed(IkeSaStatus sa, String reason);

    /**
     * The peer deleted the SA with an INFORMATIONAL DELETE (RFC 7296 §1.4.1), and with it its Child SAs: the SA pair
     * it installed is no longer the peer's. Told before {@link #closed}.
     */
    void deletedByPeer(IkeSaStatus sa);
}
