package io.homeward.rendezvous.dns.internal.tsig;

import java.util.Map;
import java.util.Optional;

import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/**
 * The TSIG algorithms this server accepts (RFC 8945 §6): hmac-sha256 (mandatory, the default), hmac-sha512,
 * and hmac-md5 for the mDNSResponder clients that know nothing else. One secret serves all three.
 */
public final class TsigAlgorithms {
    private static final Map<Name, String> JCA = Map.of(
            TSIG.HMAC_SHA256, "HmacSHA256",
            TSIG.HMAC_SHA512, "HmacSHA512",
            TSIG.HMAC_MD5, "HmacMD5");

    private TsigAlgorithms() {
    }

    /** The JCA MAC name of an accepted algorithm, empty for any other. */
    public static Optional<String> jcaName(Name algorithm) {
        return Optional.ofNullable(JCA.get(algorithm.canonicalize()));
    }
}
