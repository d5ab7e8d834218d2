package io.homeward.kit.qr;

/**
 * Error correction codewords (§7.5.2, Annex A): the remainder of the data polynomial times x^n divided by the
 * generator (x - α^0)(x - α^1)…(x - α^(n-1)), over GF(256) with the field polynomial x^8 + x^4 + x^3 + x^2 + 1.
 */
final class ReedSolomon {
    private static final int FIELD_POLYNOMIAL = 0x11D;
    private static final int[] EXP = new int[255];
    private static final int[] LOG = new int[256];

    static {
        int element = 1;
        for (int power = 0; power < 255; power++) {
            EXP[power] = element;
            LOG[element] = power;
            element <<= 1;
            if (element > 0xFF) {
                element ^= FIELD_POLYNOMIAL;
            }
        }
    }

    private ReedSolomon() {
    }

    static int multiply(int a, int b) {
        return a == 0 || b == 0 ? 0 : EXP[(LOG[a] + LOG[b]) % 255];
    }

    /** Generator polynomial of the given degree, coefficients from x^degree (always 1) down to x^0. */
    static int[] generator(int degree) {
        int[] coefficients = new int[degree + 1];
        coefficients[0] = 1;
        for (int root = 0; root < degree; root++) {
            for (int i = root + 1; i > 0; i--) {
                coefficients[i] ^= multiply(coefficients[i - 1], EXP[root]);
            }
        }
        return coefficients;
    }

    /** The {@code degree} error correction codewords of one block of data codewords. */
    static byte[] errorCorrection(byte[] data, int degree) {
        int[] generator = generator(degree);
        int[] remainder = new int[degree];
        for (byte codeword : data) {
            int factor = (codeword & 0xFF) ^ remainder[0];
            System.arraycopy(remainder, 1, remainder, 0, degree - 1);
            remainder[degree - 1] = 0;
            for (int i = 0; i < degree; i++) {
                remainder[i] ^= multiply(generator[i + 1], factor);
            }
        }
        byte[] codewords = new byte[degree];
        for (int i = 0; i < degree; i++) {
            codewords[i] = (byte) remainder[i];
        }
        return codewords;
    }
}
