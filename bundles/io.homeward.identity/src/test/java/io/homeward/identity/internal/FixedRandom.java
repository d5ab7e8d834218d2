package io.homeward.identity.internal;

import java.security.SecureRandom;

/** Hands out the given bytes in order, then zeros: makes generated addresses predictable. */
final class FixedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] bytes;
    private int next;

    FixedRandom(int... values) {
        bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
    }

    @Override
    public void nextBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = next < bytes.length ? bytes[next++] : 0;
        }
    }
}
