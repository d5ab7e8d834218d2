package io.homeward.kerberos.internal.wire;

/**
 * A walk over the tag-length-value structure of untrusted octets before Bouncy Castle builds objects from them
 * (X.690 §8.1, §10.1): one element filling the octets, single-octet tags, definite lengths in their shortest form,
 * universal string and integer types in primitive form, nesting at most {@link #MAX_DEPTH} deep and at most
 * {@link #MAX_ELEMENTS} elements. After it, parsing allocates no more than the octets hold and recurses no deeper
 * than the bound.
 */
final class TlvScan {
    static final int MAX_DEPTH = 24;
    static final int MAX_ELEMENTS = 8192;

    private static final int CONSTRUCTED = 0x20;
    private static final int UNIVERSAL_SEQUENCE = 0x10;
    private static final int UNIVERSAL_SET = 0x11;

    private final byte[] bytes;
    private int elements;

    private TlvScan(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Checks that {@code bytes} are exactly one element of the shape above. */
    static void check(byte[] bytes, String what) throws KerberosFormatException {
        TlvScan scan = new TlvScan(bytes);
        int end = scan.element(0, bytes.length, 0, what);
        if (end != bytes.length) {
            throw new KerberosFormatException(what + ": " + (bytes.length - end) + " octets after the DER element");
        }
    }

    /**
     * The whole element (tag to end) inside explicit field {@code [tagNumber]} of the SEQUENCE that the element at
     * {@code bytes} holds — for example the req-body inside [APPLICATION 10] SEQUENCE. The octets must have passed
     * {@link #check}.
     */
    static byte[] explicitField(byte[] bytes, int tagNumber) {
        int[] outer = header(bytes, 0);
        int[] sequence = header(bytes, outer[0]);
        int position = sequence[0];
        int end = sequence[0] + sequence[1];
        while (position < end) {
            int[] field = header(bytes, position);
            if ((bytes[position] & 0xff) == (0xa0 | tagNumber)) {
                int[] inner = header(bytes, field[0]);
                int innerEnd = inner[0] + inner[1];
                byte[] element = new byte[innerEnd - field[0]];
                System.arraycopy(bytes, field[0], element, 0, element.length);
                return element;
            }
            position = field[0] + field[1];
        }
        throw new IllegalStateException("no field [" + tagNumber + "] in a checked element");
    }

    /** Contents offset and length of the checked element at {@code offset}. */
    private static int[] header(byte[] bytes, int offset) {
        int position = offset + 1;
        int length = bytes[position++] & 0xff;
        if (length >= 0x80) {
            int count = length & 0x7f;
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | bytes[position++] & 0xff;
            }
        }
        return new int[] {position, length};
    }

    private int element(int offset, int limit, int depth, String what) throws KerberosFormatException {
        if (++elements > MAX_ELEMENTS) {
            throw new KerberosFormatException(what + ": more than " + MAX_ELEMENTS + " DER elements");
        }
        if (limit - offset < 2) {
            throw new KerberosFormatException(what + ": a DER element cut short at octet " + offset);
        }
        int tag = bytes[offset] & 0xff;
        if ((tag & 0x1f) == 0x1f) {
            throw new KerberosFormatException(what + ": a multi-octet DER tag at octet " + offset);
        }
        int position = offset + 1;
        int length = bytes[position++] & 0xff;
        if (length >= 0x80) {
            int count = length & 0x7f;
            if (count == 0) {
                throw new KerberosFormatException(
                        what + ": an indefinite length at octet " + offset + ", DER has none");
            }
            if (count > 3 || limit - position < count) {
                throw new KerberosFormatException(what + ": a length field too long or cut short at octet " + offset);
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | bytes[position++] & 0xff;
            }
            if (length < 0x80 || length >> 8 * (count - 1) == 0) {
                throw new KerberosFormatException(what + ": a length not in its shortest form at octet " + offset);
            }
        }
        if (length > limit - position) {
            throw new KerberosFormatException(
                    what + ": an element of " + length + " octets where " + (limit - position) + " remain");
        }
        int end = position + length;
        if ((tag & CONSTRUCTED) == 0) {
            return end;
        }
        if ((tag & 0xc0) == 0 && (tag & 0x1f) != UNIVERSAL_SEQUENCE && (tag & 0x1f) != UNIVERSAL_SET) {
            throw new KerberosFormatException(
                    what + ": universal type " + (tag & 0x1f) + " in constructed form, DER has it primitive");
        }
        if (depth >= MAX_DEPTH) {
            throw new KerberosFormatException(what + ": DER nested more than " + MAX_DEPTH + " deep");
        }
        while (position < end) {
            position = element(position, end, depth + 1, what);
        }
        return end;
    }
}
