/**
 * The IKEv2 message codec (RFC 7296 §3): the header, the generic payload chain and every payload the exchanges
 * of RFC 7296, RFC 4555 (MOBIKE) and RFC 7383 (fragmentation) carry. Decoding is strict and bounded: every
 * length is checked against the buffer, a message holds at most {@link io.homeward.ike.internal.wire.Payloads#MAX_PAYLOADS}
 * payloads, and all that goes wrong is an {@link io.homeward.ike.internal.wire.IkeFormatException} with a reason
 * and the notify to answer with. The non-ESP marker (RFC 3948 §2.2) is the tunnel port's and never seen here.
 */
package io.homeward.ike.internal.wire;
