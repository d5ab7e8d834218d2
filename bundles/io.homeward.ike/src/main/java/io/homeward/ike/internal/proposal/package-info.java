/**
 * Negotiation of transforms (RFC 7296 §2.7, §3.3): the SA payloads this side offers, the proposal it chooses from a
 * peer's offer as responder, and the check of a responder's answer. Only AEAD ciphers are negotiated, as the
 * installed ESP crypto suites provide them.
 */
package io.homeward.ike.internal.proposal;
