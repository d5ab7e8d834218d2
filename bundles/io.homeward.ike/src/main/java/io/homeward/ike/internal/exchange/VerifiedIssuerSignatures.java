package io.homeward.ike.internal.exchange;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.homeward.kit.dns.Fingerprints;

/**
 * The certificates whose signature by one issuer key has verified (RFC 5280 §6.1.3 (a)(1)), remembered by their
 * SHA-256 fingerprint in a bounded least-recently-used set, so that a host keying again (every reconnection, every
 * IKE SA it makes) costs no second ECDSA verification. Only the issuer's signature over those exact octets is
 * remembered: validity, revocation and names are for the caller to check at every use.
 */
final class VerifiedIssuerSignatures {
    private final PublicKey issuerKey;
    private final Map<String, Boolean> verified;

    VerifiedIssuerSignatures(PublicKey issuerKey, int capacity) {
        this.issuerKey = issuerKey;
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Verifies the certificate's signature with the issuer key unless these octets already verified.
     *
     * @throws GeneralSecurityException when the signature does not verify
     */
    void verify(X509Certificate certificate) throws GeneralSecurityException {
        String fingerprint = Fingerprints.of(certificate);
        synchronized (verified) {
            if (verified.get(fingerprint) != null) {
                return;
            }
        }
        certificate.verify(issuerKey);
        synchronized (verified) {
            verified.put(fingerprint, Boolean.TRUE);
        }
    }
}
