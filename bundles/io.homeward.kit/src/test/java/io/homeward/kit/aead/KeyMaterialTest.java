package io.homeward.kit.aead;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.InvalidKeyException;
import java.util.Set;

import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    @Test
    void acceptsEachKeySizePlusTheSalt() {
        assertDoesNotThrow(() -> KeyMaterial.requireLength("s", new byte[20], Set.of(128, 256), "a key"));
        assertDoesNotThrow(() -> KeyMaterial.requireLength("s", new byte[36], Set.of(128, 256), "a key"));
    }

    @Test
    void explainsTheLengthsItWantsInAscendingOrder() {
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> KeyMaterial.requireLength("aes-gcm-16", new byte[16], Set.of(256, 128), "an AES-128 or AES-256 key"));
        assertEquals("aes-gcm-16 key material is an AES-128 or AES-256 key followed by a 4-byte salt: 20 or 36 octets,"
                + " got 16", e.getMessage());
    }

    @Test
    void missingMaterialIsZeroOctets() {
        InvalidKeyException e = assertThrows(InvalidKeyException.class,
                () -> KeyMaterial.requireLength("x", null, Set.of(256), "a 32-octet key"));
        assertEquals("x key material is a 32-octet key followed by a 4-byte salt: 36 octets, got 0", e.getMessage());
    }
}
