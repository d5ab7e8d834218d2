package io.homeward.kit.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

import io.homeward.api.auth.TsigKey;

class PasswordKeysTest {

    @Test
    void keyIsNamedAfterTheZoneAndSaltedWithIt() throws Exception {
        TsigKey key = PasswordKeys.derive("Alice.Members.Example", "correct horse".toCharArray());
        assertEquals("alice.members.example.", key.name());
        assertEquals("hmac-sha256.", key.algorithm());
        PBEKeySpec spec = new PBEKeySpec("correct horse".toCharArray(), "alice.members.example.".getBytes(), 200_000, 256);
        assertArrayEquals(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded(), key.secret());
    }

    @Test
    void differentZonesGiveDifferentKeysForOnePassword() {
        byte[] a = PasswordKeys.derive("alice.members.example.", "pw".toCharArray()).secret();
        byte[] b = PasswordKeys.derive("bob.members.example.", "pw".toCharArray()).secret();
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void zoneOfJoinsUserAndDomain() {
        assertEquals("alice.members.example.", PasswordKeys.zoneOf("Alice", "members.example"));
        assertEquals("alice.members.example.", PasswordKeys.zoneOf("alice", "members.example."));
    }

    @Test
    void secretNeverPrinted() {
        TsigKey key = PasswordKeys.derive("z.", "pw".toCharArray());
        assertFalse(key.toString().contains(HexFormat.of().formatHex(key.secret())));
    }
}
