package io.homeward.kit.qr;

import java.util.Arrays;

/** The data bit stream of ISO/IEC 18004 §7.4: fields appended most significant bit first, read back as codewords. */
final class BitBuffer {
    private byte[] bytes = new byte[64];
    private int length;

    /** Appends the low {@code count} bits of {@code value}, which must have no higher bit set. */
    void append(int value, int count) {
        if (count < 0 || count > 16 || value >>> count != 0) {
            throw new IllegalArgumentException(value + " is not a " + count + "-bit field");
        }
        for (int bit = count - 1; bit >= 0; bit--) {
            if (length == bytes.length * 8) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            if ((value >>> bit & 1) != 0) {
                bytes[length >>> 3] |= (byte) (0x80 >>> (length & 7));
            }
            length++;
        }
    }

    int length() {
        return length;
    }

    /** The bits as codewords; a last partial codeword is filled with zero bits. */
    byte[] codewords() {
        return Arrays.copyOf(bytes, (length + 7) / 8);
    }
}
