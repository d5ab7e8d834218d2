package io.homeward.kerberos.internal.client;

import java.security.SecureRandom;

/** A request's nonce: random, and below 2^31 so that old Int32 decoders read it too (RFC 4120 §5.4.1). */
final class Nonces {
    private static final long INT31 = 0x7fffffffL;

    private Nonces() {
    }

    static long next(SecureRandom random) {
        return random.nextInt() & INT31;
    }
}
