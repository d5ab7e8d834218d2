/**
 * The replay cache for authenticators (RFC 4120 §3.2.3 and §10): an authenticator is accepted once within the clock
 * skew window; outside that window the skew check refuses it anyway.
 *
 * <p>How the engine uses it: one {@link io.homeward.kerberos.internal.replay.ReplayCache} for the KDC (the TGS-REQ's
 * authenticator) and one shared by the service acceptors (AP-REQs), both with the KDC's clock and skew. After the
 * authenticator is decrypted and its skew checked, it builds a
 * {@link io.homeward.kerberos.internal.replay.ReplayKey} from the client and server principals, ctime, cusec and the
 * authenticator's ciphertext, and calls {@code admit}: {@code REPLAYED} answers KRB_AP_ERR_REPEAT (34),
 * {@code OUTSIDE_SKEW} KRB_AP_ERR_SKEW (37), {@code FULL} KDC_ERR_SVC_UNAVAILABLE (29, the client may try again
 * later), {@code ADMITTED} goes on.
 */
package io.homeward.kerberos.internal.replay;
