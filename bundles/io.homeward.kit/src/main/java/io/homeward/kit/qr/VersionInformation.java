package io.homeward.kit.qr;

/**
 * Version information of versions 7 to 40 (§7.10): six version bits extended to 18 by the BCH(18,6) code with
 * generator x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1; not masked.
 */
final class VersionInformation {
    private static final int GENERATOR = 0b1111100100101;

    private VersionInformation() {
    }

    static int bits(int version) {
        if (version < 7 || version > 40) {
            throw new IllegalArgumentException("version " + version + " carries no version information");
        }
        return version << 12 | Bch.remainder(version << 12, GENERATOR, 12);
    }
}
