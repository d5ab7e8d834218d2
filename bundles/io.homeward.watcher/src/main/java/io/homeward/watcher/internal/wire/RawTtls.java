package io.homeward.watcher.internal.wire;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Reads the raw TTLs of a message's answer section. LLQ marks a removal with TTL 0xFFFFFFFF
 * (RFC 8764 §6.2), which dnsjava's parser does not keep (it is above the RFC 2181 maximum).
 */
public final class RawTtls {
    public static final long REMOVE = 0xFFFF_FFFFL;

    private RawTtls() {
    }

    public static long[] answers(byte[] message) {
        try {
            ByteBuffer in = ByteBuffer.wrap(message);
            in.position(4);
            int questions = Short.toUnsignedInt(in.getShort());
            int answers = Short.toUnsignedInt(in.getShort());
            in.position(12);
            for (int i = 0; i < questions; i++) {
                skipName(in);
                in.position(in.position() + 4);
            }
            long[] ttls = new long[answers];
            for (int i = 0; i < answers; i++) {
                skipName(in);
                in.position(in.position() + 4);
                ttls[i] = Integer.toUnsignedLong(in.getInt());
                int length = Short.toUnsignedInt(in.getShort());
                in.position(in.position() + length);
            }
            return ttls;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new IllegalArgumentException("truncated DNS message", e);
        }
    }

    private static void skipName(ByteBuffer in) {
        while (true) {
            int length = Byte.toUnsignedInt(in.get());
            if (length == 0) {
                return;
            }
            if ((length & 0xC0) == 0xC0) {
                in.get();
                return;
            }
            in.position(in.position() + length);
        }
    }
}
