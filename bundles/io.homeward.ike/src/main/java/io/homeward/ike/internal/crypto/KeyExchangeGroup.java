package io.homeward.ike.internal.crypto;

import java.security.SecureRandom;
import java.util.Optional;

/** The key exchange methods this implementation offers (RFC 7296 §3.3.2 transform type 4). */
public enum KeyExchangeGroup {
    /** 256-bit random ECP group (RFC 5903). */
    ECP_256(19, Ecp256Exchange.PUBLIC_LENGTH),
    /** Curve25519 (RFC 8031). */
    CURVE25519(31, X25519Exchange.PUBLIC_LENGTH);

    private final int transformId;
    private final int publicValueLength;

    KeyExchangeGroup(int transformId, int publicValueLength) {
        this.transformId = transformId;
        this.publicValueLength = publicValueLength;
    }

    public static Optional<KeyExchangeGroup> of(int transformId) {
        for (KeyExchangeGroup group : values()) {
            if (group.transformId == transformId) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    public int transformId() {
        return transformId;
    }

    /** Octets of the KE payload's key exchange data. */
    public int publicValueLength() {
        return publicValueLength;
    }

    /** A fresh key pair. */
    public KeyExchange generate(SecureRandom random) {
        return this == CURVE25519 ? X25519Exchange.generate(random) : Ecp256Exchange.generate(random);
    }
}
