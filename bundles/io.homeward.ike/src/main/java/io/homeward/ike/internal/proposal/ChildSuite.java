package io.homeward.ike.internal.proposal;

import java.util.Optional;

import io.homeward.ike.internal.crypto.KeyExchangeGroup;

/**
 * The algorithms of one ESP Child SA (RFC 7296 §3.3.2): an AEAD, Extended Sequence Numbers or not (transform type
 * 5), and the key exchange of a CREATE_CHILD_SA with perfect forward secrecy, if any.
 */
public record ChildSuite(Aead cipher, boolean esn, Optional<KeyExchangeGroup> group) {
}
