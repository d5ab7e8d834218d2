package io.homeward.kerberos.internal.crypto;

/**
 * n-fold (RFC 3961 §5.1): stretches or folds an octet string to a given length. The input is repeated until its
 * length is the least common multiple of the input and output lengths, each repetition rotated 13 bits further to
 * the right than the one before; the blocks of output length are then added in ones'-complement arithmetic.
 */
final class NFold {
    private static final int ROTATION_BITS = 13;

    private NFold() {
    }

    static byte[] fold(byte[] input, int outputLength) {
        int inputLength = input.length;
        int total = inputLength / gcd(inputLength, outputLength) * outputLength;
        int inputBits = inputLength * 8;
        int[] sum = new int[outputLength];
        for (int position = 0; position < total; position++) {
            int copy = position / inputLength;
            int offsetBits = (position % inputLength) * 8;
            int value = 0;
            for (int bit = 0; bit < 8; bit++) {
                int source = Math.floorMod(offsetBits + bit - ROTATION_BITS * copy, inputBits);
                value = value << 1 | (input[source >>> 3] >>> (7 - (source & 7))) & 1;
            }
            sum[position % outputLength] += value;
        }
        return onesComplement(sum);
    }

    /** Carries each column sum into the next more significant octet, the most significant carry wrapping round. */
    private static byte[] onesComplement(int[] sum) {
        int carry;
        do {
            carry = 0;
            for (int i = sum.length - 1; i >= 0; i--) {
                int column = sum[i] + carry;
                sum[i] = column & 0xff;
                carry = column >>> 8;
            }
            sum[sum.length - 1] += carry;
        } while (carry != 0);
        byte[] output = new byte[sum.length];
        for (int i = 0; i < sum.length; i++) {
            output[i] = (byte) sum[i];
        }
        return output;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
