package io.homeward.tunnel.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian (network order) integers read and written in place in packet buffers, without allocating. */
final class Bytes {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {
    }

    static int getInt(byte[] buf, int offset) {
        return (int) INT.get(buf, offset);
    }

    static void putInt(byte[] buf, int offset, int value) {
        INT.set(buf, offset, value);
    }

    static long getLong(byte[] buf, int offset) {
        return (long) LONG.get(buf, offset);
    }

    static void putLong(byte[] buf, int offset, long value) {
        LONG.set(buf, offset, value);
    }
}
