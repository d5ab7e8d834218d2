package io.homeward.watcher.internal;

import java.util.Random;

/** Randomness pinned for tests: nextDouble() is the given fraction, nextInt(bound) counts up from 0x1234. */
public final class FixedRandom extends Random {
    private static final long serialVersionUID = 1L;
    private final double fraction;
    private int next = 0x1234;

    public FixedRandom(double fraction) {
        this.fraction = fraction;
    }

    @Override
    public double nextDouble() {
        return fraction;
    }

    @Override
    public int nextInt(int bound) {
        return next++ % bound;
    }
}
