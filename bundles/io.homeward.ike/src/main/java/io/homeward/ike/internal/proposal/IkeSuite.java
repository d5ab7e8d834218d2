package io.homeward.ike.internal.proposal;

import io.homeward.ike.internal.crypto.KeyExchangeGroup;
import io.homeward.ike.internal.crypto.Prf;

/** The algorithms of one IKE SA (RFC 7296 §3.3.2): an AEAD, so no integrity algorithm. */
public record IkeSuite(Aead cipher, Prf prf, KeyExchangeGroup group) {
}
