package io.homeward.api.auth;

/**
 * A TSIG key (RFC 8945).
 *
 * @param name      the key name, absolute
 * @param algorithm the algorithm name, for example {@code hmac-sha256.}
 * @param secret    the shared secret
 */
public record TsigKey(String name, String algorithm, byte[] secret) {

    public TsigKey {
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** The secret never appears in logs. */
    @Override
    public String toString() {
        return "TsigKey[" + name + ", " + algorithm + "]";
    }
}
