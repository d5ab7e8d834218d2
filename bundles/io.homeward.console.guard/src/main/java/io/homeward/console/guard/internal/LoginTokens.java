package io.homeward.console.guard.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The console token of a login: HMAC-SHA256 (RFC 2104) of the request's credentials (its {@code Authorization}
 * header) under a secret made at each start. A page of another site can neither read it nor compute it, a token
 * planted by a neighbouring site (cookies ignore ports) does not match, and a new password or a restart makes
 * a new one.
 */
final class LoginTokens {
    private static final String HMAC = "HmacSHA256";
    private final SecretKeySpec key;

    LoginTokens(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), HMAC);
    }

    static LoginTokens random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new LoginTokens(secret);
    }

    /** The token for these credentials (null: a request without any). */
    String tokenFor(String credentials) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            byte[] tag = mac.doFinal(String.valueOf(credentials).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether one of the presented values is the token of these credentials; compared in constant time. */
    boolean matches(String credentials, Collection<String> presented) {
        byte[] expected = tokenFor(credentials).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String value : presented) {
            match |= MessageDigest.isEqual(expected, value.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }
}
