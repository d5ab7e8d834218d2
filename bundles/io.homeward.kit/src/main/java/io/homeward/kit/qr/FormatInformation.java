package io.homeward.kit.qr;

/**
 * Format information (§7.9.1): the error correction level's two bits and the mask's three, extended to 15 bits by
 * the BCH(15,5) code with generator x^10 + x^8 + x^5 + x^4 + x^2 + x + 1 and masked with 101010000010010.
 */
final class FormatInformation {
    /** Level M's indicator (Table 12); L is 01, Q 11, H 10. */
    static final int LEVEL_M = 0b00;
    private static final int GENERATOR = 0b10100110111;
    private static final int MASK = 0b101010000010010;

    private FormatInformation() {
    }

    static int bits(int levelIndicator, int maskPattern) {
        if (levelIndicator >>> 2 != 0 || maskPattern >>> 3 != 0) {
            throw new IllegalArgumentException("level " + levelIndicator + ", mask " + maskPattern);
        }
        int data = levelIndicator << 3 | maskPattern;
        return (data << 10 | Bch.remainder(data << 10, GENERATOR, 10)) ^ MASK;
    }
}
