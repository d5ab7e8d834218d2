package io.homeward.api.crypto;

import java.security.GeneralSecurityException;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An AEAD transform for ESP (RFC 4106 AES-GCM, RFC 7634 ChaCha20-Poly1305). Several suites may
 * be installed, each registered with a {@code service.ranking}; new SAs use the highest ranked.
 * The nonce is the 4-byte salt from the key material followed by the 8-byte explicit IV.
 */
@ProviderType
public interface CryptoSuite {

    /** The suite's name as shown to operators, for example {@code aes-gcm-16}. */
    String name();

    /** The IKEv2 encryption transform ID (RFC 7296 §3.3.2 registry): 20 for AES-GCM-16, 28 for ChaCha20-Poly1305. */
    int transformId();

    /** The key sizes in bits this suite accepts. */
    Set<Integer> keySizes();

    /** Octets of salt appended to the key in the key material (4 for both RFC 4106 and RFC 7634). */
    int saltLength();

    /** Octets of explicit IV carried in each packet. */
    int ivLength();

    /** Octets of integrity check value appended to each packet. */
    int icvLength();

    /**
     * A packet AEAD for one direction of one SA.
     *
     * @param keyMaterial the key followed by the salt
     * @throws GeneralSecurityException when the material has the wrong length or the platform lacks the cipher
     */
    PacketAead newAead(byte[] keyMaterial) throws GeneralSecurityException;
}
