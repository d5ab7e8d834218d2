package io.homeward.kerberos.internal.replay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * What identifies one authenticator (RFC 4120 §3.2.3, §10): the client and server principals, its ctime and cusec,
 * and its ciphertext (two authenticators of the same client in the same microsecond differ there). Kept as the
 * SHA-256 of all of them, 32 octets whatever the names' lengths, so the cache's memory is bounded by its capacity.
 *
 * @param ctime when the authenticator says it was made, in whole seconds (its ctime), which the cache's window is
 *              about; the cusec is only hashed, so that a cusec out of its range (RFC 4120 §5.2.4) moves nothing
 */
public record ReplayKey(Instant ctime, long high, long midHigh, long midLow, long low) {
    /** One SHA-256 per thread: digest() leaves it ready for the next key. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    /**
     * @param client     the client principal's text form
     * @param server     the server principal's text form
     * @param ctime      the authenticator's ctime (whole seconds, RFC 4120 §5.5.1)
     * @param cusec      the authenticator's cusec (0 to 999999 if the client is well behaved)
     * @param ciphertext the authenticator's EncryptedData cipher octets
     */
    public static ReplayKey of(String client, String server, Instant ctime, int cusec, byte[] ciphertext) {
        MessageDigest sha256 = SHA256.get();
        field(sha256, client.getBytes(StandardCharsets.UTF_8));
        field(sha256, server.getBytes(StandardCharsets.UTF_8));
        sha256.update(ByteBuffer.allocate(12).putLong(ctime.getEpochSecond()).putInt(cusec).array());
        field(sha256, ciphertext);
        ByteBuffer digest = ByteBuffer.wrap(sha256.digest());
        return new ReplayKey(Instant.ofEpochSecond(ctime.getEpochSecond()), digest.getLong(), digest.getLong(),
                digest.getLong(), digest.getLong());
    }

    /** Each field preceded by its length, so that no two different field lists hash the same octets. */
    private static void field(MessageDigest sha256, byte[] octets) {
        sha256.update(ByteBuffer.allocate(4).putInt(octets.length).array());
        sha256.update(octets);
    }
}
