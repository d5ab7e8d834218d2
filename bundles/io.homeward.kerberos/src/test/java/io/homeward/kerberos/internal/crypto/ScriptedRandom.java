package io.homeward.kerberos.internal.crypto;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.random.RandomGenerator;

/** Hands out the given octet strings, in order, as the "random" octets of each nextBytes call. */
final class ScriptedRandom implements RandomGenerator {
    private final Deque<byte[]> script = new ArrayDeque<>();

    ScriptedRandom(byte[]... outputs) {
        for (byte[] output : outputs) {
            script.add(output);
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = script.remove();
        if (next.length != bytes.length) {
            throw new IllegalStateException("scripted " + next.length + " octets, asked for " + bytes.length);
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only scripted octet strings");
    }
}
