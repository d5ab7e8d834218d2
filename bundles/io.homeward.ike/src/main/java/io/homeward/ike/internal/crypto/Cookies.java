package io.homeward.ike.internal.crypto;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless COOKIE values (RFC 7296 §2.6): Cookie = VersionIDofSecret | Hash(Ni | IPi | SPIi | secret), here one
 * version octet and HMAC-SHA-256 keyed with the secret, 33 octets. {@link #rotate()} makes a new secret; cookies of
 * the one before stay valid until the next rotation, so a peer that just got one still gets in. Safe to use from
 * several threads.
 */
public final class Cookies {
    public static final int LENGTH = 33;
    private static final int SECRET_LENGTH = 32;
    private static final String HMAC = "HmacSHA256";

    private final SecureRandom random;
    private volatile Secrets secrets;

    public Cookies(SecureRandom random) {
        this.random = random;
        this.secrets = new Secrets(newSecret(0), null);
    }

    /** A new current secret with the next version; the current one becomes the previous. */
    public synchronized void rotate() {
        Secret current = secrets.current();
        secrets = new Secrets(newSecret((current.version() + 1) & 0xFF), current);
    }

    /** The cookie for an initiator's nonce, address and SPI, under the current secret. */
    public byte[] cookie(byte[] ni, InetAddress initiator, long initiatorSpi) {
        Secret current = secrets.current();
        byte[] cookie = new byte[LENGTH];
        cookie[0] = (byte) current.version();
        System.arraycopy(current.hash(ni, initiator, initiatorSpi), 0, cookie, 1, LENGTH - 1);
        return cookie;
    }

    /** Whether the cookie is the current or the previous secret's for these values; constant time in the hash. */
    public boolean valid(byte[] cookie, byte[] ni, InetAddress initiator, long initiatorSpi) {
        if (cookie.length != LENGTH) {
            return false;
        }
        Secrets now = secrets;
        int version = cookie[0] & 0xFF;
        Secret secret = now.current().version() == version ? now.current()
                : now.previous() != null && now.previous().version() == version ? now.previous() : null;
        return secret != null && MessageDigest.isEqual(Arrays.copyOfRange(cookie, 1, LENGTH),
                secret.hash(ni, initiator, initiatorSpi));
    }

    private Secret newSecret(int version) {
        byte[] key = new byte[SECRET_LENGTH];
        random.nextBytes(key);
        return new Secret(version, key);
    }

    private record Secrets(Secret current, Secret previous) {
    }

    private record Secret(int version, byte[] key) {

        byte[] hash(byte[] ni, InetAddress initiator, long initiatorSpi) {
            try {
                Mac mac = Mac.getInstance(HMAC);
                mac.init(new SecretKeySpec(key, HMAC));
                mac.update(ni);
                mac.update(initiator.getAddress());
                mac.update(ByteBuffer.allocate(8).putLong(initiatorSpi).array());
                return mac.doFinal();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the platform lacks " + HMAC, e);
            }
        }

        /** The secret never appears in logs. */
        @Override
        public String toString() {
            return "Secret[version=" + version + "]";
        }
    }
}
