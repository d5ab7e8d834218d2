package io.homeward.rendezvous.ca.internal;

import java.math.BigInteger;
import java.security.SecureRandom;

/** Certificate serial numbers: 16 random octets read as a positive number (RFC 5280 §4.1.2.2). */
final class Serials {
    static final int OCTETS = 16;

    private Serials() {
    }

    static BigInteger next(SecureRandom random) {
        byte[] octets = new byte[OCTETS];
        BigInteger serial;
        do {
            random.nextBytes(octets);
            serial = new BigInteger(1, octets);
        } while (serial.signum() == 0);
        return serial;
    }
}
