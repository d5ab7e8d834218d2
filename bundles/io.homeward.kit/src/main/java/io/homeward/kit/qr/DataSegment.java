package io.homeward.kit.qr;

import java.nio.charset.StandardCharsets;

/**
 * The one segment a symbol carries: alphanumeric mode (§7.4.4) when every character is one of its 45, else byte
 * mode (§7.4.5) with the text's UTF-8 octets.
 */
final class DataSegment {
    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final int MODE_ALPHANUMERIC = 0b0010;
    private static final int MODE_BYTE = 0b0100;

    private final String text;
    private final byte[] octets;

    private DataSegment(String text, byte[] octets) {
        this.text = text;
        this.octets = octets;
    }

    static DataSegment of(String text) {
        boolean alphanumeric = text.chars().allMatch(c -> ALPHANUMERIC.indexOf(c) >= 0);
        return new DataSegment(text, alphanumeric ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    boolean alphanumeric() {
        return octets == null;
    }

    /** Characters (alphanumeric) or octets (byte mode): what the character count indicator counts. */
    int count() {
        return alphanumeric() ? text.length() : octets.length;
    }

    /** Bits of the character count indicator (§7.4.1, Table 3). */
    int countBits(int version) {
        if (alphanumeric()) {
            return version <= 9 ? 9 : version <= 26 ? 11 : 13;
        }
        return version <= 9 ? 8 : 16;
    }

    /** Bits of mode indicator, character count indicator and data. */
    int bitLength(int version) {
        int count = count();
        int data = alphanumeric() ? count / 2 * 11 + count % 2 * 6 : count * 8;
        return 4 + countBits(version) + data;
    }

    /** Whether the count fits the version's indicator and the segment the given number of data bits. */
    boolean fits(int version, int capacityBits) {
        return count() < 1 << countBits(version) && bitLength(version) <= capacityBits;
    }

    /**
     * The data codewords for a version holding {@code capacityBits}: the segment, the terminator (§7.4.9), zero
     * bits to the codeword boundary and the alternating pad codewords 11101100 and 00010001 (§7.4.10).
     */
    byte[] codewords(int version, int capacityBits) {
        if (!fits(version, capacityBits)) {
            throw new IllegalArgumentException(bitLength(version) + " bits do not fit " + capacityBits);
        }
        BitBuffer bits = new BitBuffer();
        appendTo(bits, version);
        bits.append(0, Math.min(4, capacityBits - bits.length()));
        bits.append(0, (8 - bits.length() % 8) % 8);
        for (int pad = 0; bits.length() < capacityBits; pad++) {
            bits.append(pad % 2 == 0 ? 0b11101100 : 0b00010001, 8);
        }
        return bits.codewords();
    }

    private void appendTo(BitBuffer bits, int version) {
        bits.append(alphanumeric() ? MODE_ALPHANUMERIC : MODE_BYTE, 4);
        bits.append(count(), countBits(version));
        if (alphanumeric()) {
            int i = 0;
            for (; i + 1 < text.length(); i += 2) {
                bits.append(ALPHANUMERIC.indexOf(text.charAt(i)) * 45 + ALPHANUMERIC.indexOf(text.charAt(i + 1)), 11);
            }
            if (i < text.length()) {
                bits.append(ALPHANUMERIC.indexOf(text.charAt(i)), 6);
            }
        } else {
            for (byte octet : octets) {
                bits.append(octet & 0xFF, 8);
            }
        }
    }
}
