package io.homeward.kit.text;

import java.security.GeneralSecurityException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import io.homeward.api.auth.TsigKey;

/**
 * The one key derivation agents and the rendezvous share (docs/architecture.md, "The user's key"): the TSIG
 * secret is PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) of the password, salted with the user's zone name in lower case
 * with its trailing dot, {@value #ITERATIONS} iterations, {@value #SECRET_BYTES} bytes. The key's name is the
 * zone name, and the same secret serves hmac-sha256, hmac-sha512 and hmac-md5.
 */
public final class PasswordKeys {
    public static final int ITERATIONS = 200_000;
    public static final int SECRET_BYTES = 32;
    public static final String DEFAULT_ALGORITHM = "hmac-sha256.";

    private PasswordKeys() {
    }

    /** The zone of a user under a domain: {@code alice} + {@code members.example.}. */
    public static String zoneOf(String user, String domain) {
        String d = domain.endsWith(".") ? domain : domain + ".";
        return (user + "." + d).toLowerCase(Locale.ROOT);
    }

    public static TsigKey derive(String zone, char[] password) {
        String salt = (zone.endsWith(".") ? zone : zone + ".").toLowerCase(Locale.ROOT);
        PBEKeySpec spec = new PBEKeySpec(password, salt.getBytes(StandardCharsets.US_ASCII), ITERATIONS, SECRET_BYTES * 8);
        try {
            byte[] secret = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new TsigKey(salt, DEFAULT_ALGORITHM, secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
