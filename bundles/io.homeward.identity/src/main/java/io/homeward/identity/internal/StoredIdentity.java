package io.homeward.identity.internal;

import java.util.Arrays;

import io.homeward.api.identity.Eui64;

/**
 * The part of the identity that stays constant for one run of the runtime.
 *
 * @param eui64  the interface identifier
 * @param source the interface it came from, or {@code random}
 * @param ula    the 16 address bytes
 */
record StoredIdentity(Eui64 eui64, String source, byte[] ula) {
    static final String RANDOM_SOURCE = "random";

    StoredIdentity {
        if (ula.length != 16 || (ula[0] & 0xFF) != 0xFD) {
            throw new IllegalArgumentException("a Homeward ULA has 16 bytes and starts with fd");
        }
        if (!Arrays.equals(Arrays.copyOfRange(ula, 8, 16), eui64.toBytes())) {
            throw new IllegalArgumentException("the ULA's interface identifier must be the EUI-64 " + eui64);
        }
        ula = ula.clone();
    }

    @Override
    public byte[] ula() {
        return ula.clone();
    }
}
