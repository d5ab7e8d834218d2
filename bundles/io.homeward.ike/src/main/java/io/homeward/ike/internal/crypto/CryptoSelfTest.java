package io.homeward.ike.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import io.homeward.ike.internal.wire.AuthPayload;

/**
 * The public-key operations of a handshake, done once with the host's own credentials when IKE starts: each key
 * exchange group agrees with itself, the host key signs AUTH octets that its certificate's key verifies (RFC 7427
 * method 14), and the account CA's signature on the host certificate verifies (RFC 5280 §6.1.3 (a)(1)). It proves the
 * crypto and the credentials work together, and it pays the first use of each code path (class loading, Bouncy
 * Castle's precomputed base-point tables, the JDK provider's verifier) before a peer waits for it.
 */
public final class CryptoSelfTest {
    private static final byte[] OCTETS = "IKE self-test: RealMessage | Nonce | MACedID"
            .getBytes(StandardCharsets.US_ASCII);

    private CryptoSelfTest() {
    }

    /**
     * Runs every check.
     *
     * @throws GeneralSecurityException naming the first check that failed
     */
    public static void run(PrivateKey hostKey, X509Certificate hostCertificate, X509Certificate accountCa,
            SecureRandom random) throws GeneralSecurityException {
        for (KeyExchangeGroup group : KeyExchangeGroup.values()) {
            KeyExchange one = group.generate(random);
            KeyExchange other = group.generate(random);
            if (!Arrays.equals(one.sharedSecret(other.publicValue()), other.sharedSecret(one.publicValue()))) {
                throw new GeneralSecurityException(group + ": the two sides' shared secrets differ");
            }
        }
        AuthPayload auth = SignatureAuth.sign(hostKey, OCTETS, true);
        if (!SignatureAuth.verify(hostCertificate.getPublicKey(), OCTETS, auth)) {
            throw new SignatureException("the host key's AUTH signature does not verify with the host certificate");
        }
        hostCertificate.verify(accountCa.getPublicKey());
    }
}
