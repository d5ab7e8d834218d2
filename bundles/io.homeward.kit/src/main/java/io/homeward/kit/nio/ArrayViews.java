package io.homeward.kit.nio;

import java.nio.ByteBuffer;

/**
 * A ByteBuffer view of the caller's array, kept per calling thread: a packet path that reuses one array moves
 * every packet through NIO without allocating a wrapper.
 */
public final class ArrayViews {
    private final ThreadLocal<ByteBuffer> last = new ThreadLocal<>();

    /** The view of {@code array[offset, offset+length)}, positioned for a read or write of exactly that range. */
    public ByteBuffer view(byte[] array, int offset, int length) {
        ByteBuffer b = last.get();
        if (b == null || b.array() != array) {
            b = ByteBuffer.wrap(array);
            last.set(b);
        }
        b.limit(offset + length).position(offset);
        return b;
    }
}
