package io.homeward.launcher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;

/**
 * A password in the form Felix Web Console 5 stores and checks ({@code password} of its configuration and the
 * {@code felix.webconsole.password} framework property): {@code {sha-256}SALT-ITERATIONS-HASH}, where SALT is the
 * salt as hex text, HASH the standard Base64 of SHA-256 applied ITERATIONS times to the UTF-8 bytes of SALT followed
 * by the password. The console takes such a value as it is; a value without the {@code {algorithm}} prefix it takes as
 * a plain password and, when it is its own configuration's, replaces by its hash.
 */
final class ConsolePasswordHash {
    static final String ALGORITHM = "sha-256";
    static final int ITERATIONS = 1000;
    private static final int SALT_BYTES = 8;

    private ConsolePasswordHash() {
    }

    /** The password hashed with a fresh salt from {@code random}. */
    static String of(String password, Random random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(password, HexFormat.of().formatHex(salt), ITERATIONS);
    }

    /**
     * Whether {@code stored} is a SHA-256 hash of this form (salted or not, any iteration count) of {@code password};
     * false for anything else, a plain password included.
     */
    static boolean matches(String stored, String password) {
        String prefix = "{" + ALGORITHM + "}";
        if (stored == null || !stored.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            return false;
        }
        String rest = stored.substring(prefix.length());
        int saltEnd = rest.indexOf('-');
        if (saltEnd < 0) {
            return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
                    (prefix + encode(digest("", password, 1))).getBytes(StandardCharsets.UTF_8));
        }
        String salt = rest.substring(0, saltEnd);
        int iterationsEnd = rest.indexOf('-', saltEnd + 1);
        int iterations = 1;
        if (iterationsEnd > 0) {
            try {
                iterations = Integer.parseInt(rest.substring(saltEnd + 1, iterationsEnd));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (iterations < 1 || iterations > 1_000_000) {
            return false;
        }
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
                hash(password, salt, iterations).getBytes(StandardCharsets.UTF_8));
    }

    private static String hash(String password, String salt, int iterations) {
        StringBuilder s = new StringBuilder("{").append(ALGORITHM).append('}').append(salt).append('-');
        if (iterations > 1) {
            s.append(iterations).append('-');
        }
        return s.append(encode(digest(salt, password, iterations))).toString();
    }

    private static byte[] digest(String salt, String password, int iterations) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] value = (salt + password).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < iterations; i++) {
                value = sha256.digest(value);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String encode(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }
}
