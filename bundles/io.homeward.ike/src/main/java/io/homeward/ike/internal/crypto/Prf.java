package io.homeward.ike.internal.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The pseudorandom functions this implementation offers (RFC 7296 §3.3.2, RFC 4868) and prf+ (§2.13). */
public enum Prf {
    HMAC_SHA2_256(5, "HmacSHA256", 32),
    HMAC_SHA2_384(6, "HmacSHA384", 48);

    /** prf+ counts its blocks in one octet (RFC 7296 §2.13). */
    private static final int MAX_BLOCKS = 255;

    private final int transformId;
    private final String algorithm;
    private final int length;

    Prf(int transformId, String algorithm, int length) {
        this.transformId = transformId;
        this.algorithm = algorithm;
        this.length = length;
    }

    public static Optional<Prf> of(int transformId) {
        for (Prf prf : values()) {
            if (prf.transformId == transformId) {
                return Optional.of(prf);
            }
        }
        return Optional.empty();
    }

    public int transformId() {
        return transformId;
    }

    /** Octets of output, and of the keys SK_d, SK_pi and SK_pr (RFC 7296 §2.14). */
    public int length() {
        return length;
    }

    /** prf(key, data…) with the parts of the data concatenated. */
    public byte[] apply(byte[] key, byte[]... data) {
        Mac mac = mac(key);
        for (byte[] part : data) {
            mac.update(part);
        }
        return mac.doFinal();
    }

    /** prf+(key, seed) = T1 | T2 | …, Tn = prf(key, Tn-1 | seed | n), cut to {@code length} octets (§2.13). */
    public byte[] plus(byte[] key, byte[] seed, int outputLength) {
        int blocks = (outputLength + length - 1) / length;
        if (blocks > MAX_BLOCKS) {
            throw new IllegalArgumentException("prf+ yields at most " + MAX_BLOCKS * length + " octets");
        }
        Mac mac = mac(key);
        ByteArrayOutputStream out = new ByteArrayOutputStream(blocks * length);
        byte[] block = new byte[0];
        for (int n = 1; n <= blocks; n++) {
            mac.update(block);
            mac.update(seed);
            mac.update((byte) n);
            block = mac.doFinal();
            out.writeBytes(block);
        }
        byte[] output = out.toByteArray();
        return outputLength == output.length ? output : Arrays.copyOf(output, outputLength);
    }

    private Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the platform lacks " + algorithm, e);
        }
    }
}
