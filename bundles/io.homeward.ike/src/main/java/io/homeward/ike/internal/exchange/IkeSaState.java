package io.homeward.ike.internal.exchange;

/** Where an IKE SA stands (RFC 7296 §1.2). */
public enum IkeSaState {
    /** Initiator: IKE_SA_INIT request sent. */
    INIT_SENT,
    /** Responder: IKE_SA_INIT answered, IKE_AUTH awaited; counts as half-open (§2.6). */
    HALF_OPEN,
    /** Initiator: IKE_AUTH request sent. */
    AUTH_SENT,
    /** Both authenticated; the first Child SA installed if it could be made. */
    ESTABLISHED,
    /** Given up, refused or failed; gone from the engine. */
    CLOSED
}
