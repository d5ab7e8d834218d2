/**
 * The IKEv2 exchange engine (RFC 7296 §1.2, §1.3): one single-threaded state machine per IKE SA, as initiator or
 * responder, for IKE_SA_INIT (with COOKIE and INVALID_KE_PAYLOAD, §2.6, §1.2) and IKE_AUTH with certificates
 * (§2.15, RFC 7427), fragmentation (RFC 7383), retransmission and the responder's cache (§2.1), and the first
 * Child SA, installed through the SA database. Time, randomness and the network are injected; nothing here opens a
 * socket or starts a thread.
 */
package io.homeward.ike.internal.exchange;
