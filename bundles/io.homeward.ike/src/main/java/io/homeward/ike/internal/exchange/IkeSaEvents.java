package io.homeward.ike.internal.exchange;

import io.homeward.api.sa.SaSpec;

/** Told, on the engine's thread, when an IKE SA installed its first Child SA and when an IKE SA closed. */
public interface IkeSaEvents {

    /** The SA (now established) installed this Child SA pair in the SA database. */
    void childInstalled(IkeSaStatus sa, SaSpec child);

    /** The SA closed: given up, refused, failed or closed here; it is gone from the engine. */
    void closed(IkeSaStatus sa, String reason);
}
