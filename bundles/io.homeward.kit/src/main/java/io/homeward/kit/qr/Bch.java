package io.homeward.kit.qr;

/** Polynomial division over GF(2) for the BCH codes of format and version information (Annex C, Annex D). */
final class Bch {
    private Bch() {
    }

    /** The remainder of {@code dividend} divided by {@code generator}, a polynomial of the given degree. */
    static int remainder(int dividend, int generator, int degree) {
        int remainder = dividend;
        for (int bit = 31 - Integer.numberOfLeadingZeros(remainder); bit >= degree; bit--) {
            if ((remainder >>> bit & 1) != 0) {
                remainder ^= generator << (bit - degree);
            }
        }
        return remainder;
    }
}
