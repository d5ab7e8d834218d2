package io.homeward.kerberos.internal.pkinit;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The reply key when no KDF is agreed (RFC 4556 §3.2.3.1): {@code x = Z ‖ clientDHNonce ‖ serverDHNonce} (the nonces
 * only when the KDC sent serverDHNonce), output {@code SHA-1(0x00 ‖ x) ‖ SHA-1(0x01 ‖ x) ‖ …} cut to the key's
 * length. random-to-key is the identity for the AES types (RFC 3962 §6, RFC 8009 §4), so this is the key.
 */
final class OctetString2Key {
    private OctetString2Key() {
    }

    static byte[] derive(byte[] secret, byte[] clientNonce, byte[] serverNonce, int length) {
        ByteArrayOutputStream x = new ByteArrayOutputStream();
        x.writeBytes(secret);
        x.writeBytes(clientNonce);
        x.writeBytes(serverNonce);
        byte[] input = x.toByteArray();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        for (int counter = 0; output.size() < length; counter++) {
            MessageDigest sha1 = sha1();
            sha1.update((byte) counter);
            output.writeBytes(sha1.digest(input));
        }
        return Arrays.copyOf(output.toByteArray(), length);
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
