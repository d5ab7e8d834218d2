package io.homeward.ike.internal.proposal;

import java.util.Comparator;
import java.util.List;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.ike.internal.wire.Transform;

/**
 * An AEAD encryption transform: its IKEv2 ID and key size. AES-GCM carries its key size in the Key Length attribute
 * (RFC 5282 §8); ChaCha20-Poly1305 has one size and no attribute (RFC 7634 §2). The key material is the key and a
 * 4-octet salt (RFC 5282 §7.1, RFC 7634 §3).
 */
public record Aead(int transformId, int keyBits) {
    public static final int AES_GCM_16 = 20;
    public static final int CHACHA20_POLY1305 = 28;
    public static final int SALT_LENGTH = 4;

    /** What an installed suite offers, its larger keys first. */
    public static List<Aead> of(CryptoSuite suite) {
        return suite.keySizes().stream().sorted(Comparator.reverseOrder())
                .map(bits -> new Aead(suite.transformId(), bits)).toList();
    }

    public Transform transform() {
        return new Transform(Transform.ENCR, transformId, hasKeyLengthAttribute() ? keyBits : 0);
    }

    /** Octets of SK_e or of one Child SA direction's key material. */
    public int keyMaterialLength() {
        return keyBits / 8 + SALT_LENGTH;
    }

    boolean matches(Transform transform) {
        return transform.transformType() == Transform.ENCR && transform.id() == transformId
                && !transform.unknownAttributes()
                && transform.keyLength() == (hasKeyLengthAttribute() ? keyBits : 0);
    }

    private boolean hasKeyLengthAttribute() {
        return transformId != CHACHA20_POLY1305;
    }
}
