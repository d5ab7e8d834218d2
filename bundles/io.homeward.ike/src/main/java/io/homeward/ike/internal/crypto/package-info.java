/**
 * IKEv2 cryptography on the JDK's providers alone: the PRFs and prf+ (RFC 7296 §2.13), the IKE SA and Child SA
 * keys (§2.14, §2.17, §2.18), X25519 (RFC 8031) and ECP-256 (RFC 5903) key exchange, the SK and SKF payloads on
 * the ESP crypto suites' AEADs (RFC 5282, RFC 7634, RFC 7383), the octets AUTH signs (§2.15) and the signatures
 * (RFC 7427, RFC 4754), NAT detection hashes (§2.23) and stateless cookies (§2.6). Keys never appear in a
 * {@code toString()}.
 */
package io.homeward.ike.internal.crypto;
