package io.homeward.ike.internal.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * JCA EC public keys as Bouncy Castle's parameters, their named curve resolved from the X.509 SubjectPublicKeyInfo
 * and their point checked to be on it; the last ones used are remembered by that encoding (a bounded LRU), so a
 * peer's key verifying again skips the decoding and keeps the point's precomputed multiples (wNAF tables).
 */
final class EcPublicKeys {
    private static final int REMEMBERED = 256;
    private static final Map<ByteBuffer, ECPublicKeyParameters> RECENT = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, ECPublicKeyParameters> eldest) {
            return size() > REMEMBERED;
        }
    };

    private EcPublicKeys() {
    }

    static ECPublicKeyParameters of(PublicKey key) throws InvalidKeyException {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new InvalidKeyException(key.getAlgorithm() + " key without an encoding");
        }
        ByteBuffer name = ByteBuffer.wrap(encoded);
        synchronized (RECENT) {
            ECPublicKeyParameters known = RECENT.get(name);
            if (known != null) {
                return known;
            }
        }
        AsymmetricKeyParameter parameters;
        try {
            parameters = PublicKeyFactory.createKey(encoded);
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyException("unreadable " + key.getAlgorithm() + " public key: " + e.getMessage(), e);
        }
        if (!(parameters instanceof ECPublicKeyParameters ec)) {
            throw new InvalidKeyException("an ECDSA signature needs an EC key, not " + key.getAlgorithm());
        }
        synchronized (RECENT) {
            RECENT.put(name, ec);
        }
        return ec;
    }
}
