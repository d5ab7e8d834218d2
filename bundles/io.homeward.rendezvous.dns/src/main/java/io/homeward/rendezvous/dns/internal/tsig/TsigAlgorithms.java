package io.homeward.rendezvous.dns.internal.tsig;

import java.util.Map;
import java.util.Optional;

import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/**
 * The TSIG algorithms this server accepts (RFC 8945 §6): hmac-sha256 (mandatory, the default), hmac-sha1
 * (mandatory to implement), hmac-sha512, and hmac-md5 for the mDNSResponder clients that know nothing else.
 * One secret serves them all.
 */
public final class TsigAlgorithms {
    /** An accepted algorithm: its JCA MAC name and the length of its full MAC in bytes. */
    public record Algorithm(String jcaName, int macLength) {
        /** RFC 8945 §5.2.2.1: a MAC truncated below the larger of 10 bytes and half the hash is malformed. */
        public boolean acceptsLength(int length) {
            return length >= Math.max(10, macLength / 2) && length <= macLength;
        }
    }

    private static final Map<Name, Algorithm> ACCEPTED = Map.of(
            TSIG.HMAC_SHA256, new Algorithm("HmacSHA256", 32),
            TSIG.HMAC_SHA1, new Algorithm("HmacSHA1", 20),
            TSIG.HMAC_SHA512, new Algorithm("HmacSHA512", 64),
            TSIG.HMAC_MD5, new Algorithm("HmacMD5", 16));

    private TsigAlgorithms() {
    }

    /** An accepted algorithm, empty for any other. */
    public static Optional<Algorithm> of(Name algorithm) {
        return Optional.ofNullable(ACCEPTED.get(algorithm.canonicalize()));
    }
}
