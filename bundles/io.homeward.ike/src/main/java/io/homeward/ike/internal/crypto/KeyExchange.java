package io.homeward.ike.internal.crypto;

import java.security.InvalidKeyException;

/** One side of one Diffie-Hellman exchange (RFC 7296 §1.2, §3.4): a fresh key pair used once. */
public interface KeyExchange {

    KeyExchangeGroup group();

    /** This side's public value as the KE payload carries it. */
    byte[] publicValue();

    /**
     * The shared secret g^ir as the key derivation uses it.
     *
     * @throws InvalidKeyException when the peer's value is not a valid public value of the group
     */
    byte[] sharedSecret(byte[] peerPublicValue) throws InvalidKeyException;
}
