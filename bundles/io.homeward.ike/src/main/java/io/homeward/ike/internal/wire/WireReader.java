package io.homeward.ike.internal.wire;

import java.util.Arrays;

/** Reads big-endian fields from a bounded range of an array; reading past the end is an {@link IkeFormatException}. */
final class WireReader {
    private final byte[] buffer;
    private final int end;
    private int position;

    WireReader(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
    }

    int remaining() {
        return end - position;
    }

    int u8(String field) throws IkeFormatException {
        need(1, field);
        return buffer[position++] & 0xFF;
    }

    int u16(String field) throws IkeFormatException {
        need(2, field);
        int value = (buffer[position] & 0xFF) << 8 | buffer[position + 1] & 0xFF;
        position += 2;
        return value;
    }

    int u32(String field) throws IkeFormatException {
        need(4, field);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = value << 8 | buffer[position++] & 0xFF;
        }
        return value;
    }

    long u64(String field) throws IkeFormatException {
        return (long) u32(field) << 32 | Integer.toUnsignedLong(u32(field));
    }

    byte[] bytes(int length, String field) throws IkeFormatException {
        need(length, field);
        byte[] value = Arrays.copyOfRange(buffer, position, position + length);
        position += length;
        return value;
    }

    void skip(int length, String field) throws IkeFormatException {
        need(length, field);
        position += length;
    }

    /** A reader of the next {@code length} octets, which this one steps over. */
    WireReader sub(int length, String field) throws IkeFormatException {
        need(length, field);
        WireReader sub = new WireReader(buffer, position, length);
        position += length;
        return sub;
    }

    byte[] rest() {
        byte[] value = Arrays.copyOfRange(buffer, position, end);
        position = end;
        return value;
    }

    private void need(int length, String field) throws IkeFormatException {
        if (length < 0 || length > end - position) {
            throw new IkeFormatException(field + " needs " + length + " octets, " + (end - position) + " left");
        }
    }
}
