package io.homeward.kit.aead;

import java.security.InvalidKeyException;
import java.util.Collection;
import java.util.stream.Collectors;

/** Checks that ESP key material is one of the suite's key sizes followed by the salt (RFC 4106 §8.1, RFC 7634 §4). */
public final class KeyMaterial {
    private KeyMaterial() {
    }

    /**
     * @param keyBits the suite's key sizes in bits
     * @param keyDescription how an operator would name the key, e.g. "a 32-octet key"
     */
    public static void requireLength(String suite, byte[] keyMaterial, Collection<Integer> keyBits, String keyDescription)
            throws InvalidKeyException {
        int length = keyMaterial == null ? 0 : keyMaterial.length;
        if (keyBits.stream().noneMatch(bits -> bits / 8 + SaltedNonce.SALT_LENGTH == length)) {
            String allowed = keyBits.stream().sorted().map(bits -> String.valueOf(bits / 8 + SaltedNonce.SALT_LENGTH))
                    .collect(Collectors.joining(" or "));
            throw new InvalidKeyException(suite + " key material is " + keyDescription + " followed by a "
                    + SaltedNonce.SALT_LENGTH + "-byte salt: " + allowed + " octets, got " + length);
        }
    }
}
