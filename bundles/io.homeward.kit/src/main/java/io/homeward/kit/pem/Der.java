package io.homeward.kit.pem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * One DER element (X.690 §8.1, §10.1) inside a byte array: its tag and where its contents lie. Only what the key
 * formats here need: single-byte tags and definite lengths of up to three bytes, each checked against its parent.
 */
record Der(int tag, byte[] bytes, int start, int end) {
    static final int INTEGER = 0x02;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OBJECT_IDENTIFIER = 0x06;
    static final int SEQUENCE = 0x30;
    /** {@code [0]} constructed, explicitly tagged. */
    static final int CONTEXT_0 = 0xa0;

    /** The whole of {@code bytes}, which must be one element. */
    static Der of(byte[] bytes) throws IOException {
        Der element = at(bytes, 0, bytes.length);
        if (element.end != bytes.length) {
            throw new IOException("bytes follow the DER element");
        }
        return element;
    }

    /** The element starting at {@code offset}, which must end by {@code limit}. */
    static Der at(byte[] bytes, int offset, int limit) throws IOException {
        if (limit - offset < 2) {
            throw new IOException("a DER element is cut short");
        }
        int tag = bytes[offset] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            throw new IOException("a DER tag of more than one byte");
        }
        int length = bytes[offset + 1] & 0xff;
        int position = offset + 2;
        if (length >= 0x80) {
            int count = length & 0x7f;
            if (count == 0 || count > 3 || limit - position < count) {
                throw new IOException("a DER length that is indefinite, too long or cut short");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | bytes[position++] & 0xff;
            }
        }
        if (length > limit - position) {
            throw new IOException("a DER element longer than what holds it");
        }
        return new Der(tag, bytes, position, position + length);
    }

    Der expect(int expected) throws IOException {
        if (tag != expected) {
            throw new IOException(String.format("DER tag 0x%02x where 0x%02x belongs", tag, expected));
        }
        return this;
    }

    /** The first element inside this one. */
    Der first() throws IOException {
        return at(bytes, start, end);
    }

    /** The element after {@code child}, inside this one; empty at the end. */
    Optional<Der> after(Der child) throws IOException {
        return child.end == end ? Optional.empty() : Optional.of(at(bytes, child.end, end));
    }

    byte[] contents() {
        return Arrays.copyOfRange(bytes, start, end);
    }

    /** The encoding of one element: tag, definite length, then the parts one after the other. */
    static byte[] encode(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int count = length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
            out.write(0x80 | count);
            for (int shift = 8 * (count - 1); shift >= 0; shift -= 8) {
                out.write(length >>> shift);
            }
        }
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
