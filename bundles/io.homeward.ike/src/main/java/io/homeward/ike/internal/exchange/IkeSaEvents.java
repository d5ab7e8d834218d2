package io.homeward.ike.internal.exchange;

import io.homeward.api.sa.SaSpec;

/**
 * Told, on the engine's thread and in the middle of its work, when an IKE SA installed a Child SA (its first or a
 * rekeyed one) or removed one, when it was established without one, when it was rekeyed, and when it closed. A listener
 * that wants to act on the engine does so in a task of its own, after the engine's step.
 */
public interface IkeSaEvents {

    /**
     * The SA (now established) installed this Child SA pair in the SA database: its first (the peer's only pair) or
     * one that rekeys another (added beside it, RFC 7296 §2.8).
     */
    void childInstalled(IkeSaStatus sa, SaSpec child);

    /** The SA removed this Child SA pair from the SA database: rekeyed, deleted by either side or expired. */
    void childRemoved(IkeSaStatus sa, SaSpec child);

    /** The SA was rekeyed (RFC 7296 §2.18): its Child SAs now belong to the replacement, and it goes soon. */
    void ikeRekeyed(IkeSaStatus old, IkeSaStatus replacement);

    /** The SA was established, but the peer or this side refused its first Child SA (RFC 7296 §1.2). */
    void noChild(IkeSaStatus sa, String reason);

    /** The SA closed: given up, refused, failed or closed here; it is gone from the engine. */
    void closed(IkeSaStatus sa, String reason);

    /**
     * The peer deleted the SA with an INFORMATIONAL DELETE (RFC 7296 §1.4.1), or forgot it in a restart it announced
     * with INITIAL_CONTACT on a newer IKE SA (§2.4); its Child SAs went with it: the SA pair it installed is no longer
     * the peer's. Told before {@link #closed}.
     *
     * @param how what the peer did, as "deleted its IKE SA"
     */
    void deletedByPeer(IkeSaStatus sa, String how);
}
