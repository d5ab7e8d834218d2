package io.homeward.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ConsolePasswordHashTest {
    /** Felix Web Console 5's own default: "admin" unsalted, one round (its OsgiManager constant). */
    private static final String FELIX_ADMIN = "{sha-256}jGl25bVBBBW96Qi9Te4V37Fnqchz/Eu4qB9vKrRIqRg=";

    @Test
    void theConsolesBuiltInHashOfAdminIsRecognised() {
        assertTrue(ConsolePasswordHash.matches(FELIX_ADMIN, "admin"));
        assertFalse(ConsolePasswordHash.matches(FELIX_ADMIN, "Admin"));
    }

    @Test
    void aHashIsSaltedIteratedAndMatchesOnlyItsPassword() {
        String hash = ConsolePasswordHash.of("s3cret-from-the-file", new Random(1));
        assertTrue(hash.matches("\\{sha-256\\}[0-9a-f]{16}-1000-[A-Za-z0-9+/]{43}="), hash);
        assertTrue(ConsolePasswordHash.matches(hash, "s3cret-from-the-file"));
        assertFalse(ConsolePasswordHash.matches(hash, "s3cret-from-the-fil"));
        assertNotEquals(hash, ConsolePasswordHash.of("s3cret-from-the-file", new Random(2)), "a fresh salt each time");
    }

    @Test
    void aHashWithItsSaltAndOneRoundAsTheConsoleWritesItIsRecognised() {
        // SHA-256 of "0011223344556677" + "pw", one round, as the console stores "{sha-256}SALT-HASH".
        String stored = "{sha-256}0011223344556677-" + java.util.Base64.getEncoder().encodeToString(
                sha256("0011223344556677pw"));
        assertTrue(ConsolePasswordHash.matches(stored, "pw"));
    }

    @Test
    void plainOrMalformedValuesAreNotAMatch() {
        assertFalse(ConsolePasswordHash.matches("pw", "pw"), "a plain password is no hash");
        assertFalse(ConsolePasswordHash.matches(null, "pw"));
        assertFalse(ConsolePasswordHash.matches("{sha-256}00-x-abc", "pw"));
        assertFalse(ConsolePasswordHash.matches("{sha-256}00-0-abc", "pw"));
        assertFalse(ConsolePasswordHash.matches("{md5}abc", "pw"));
        assertEquals(ConsolePasswordHash.ALGORITHM, "sha-256");
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
