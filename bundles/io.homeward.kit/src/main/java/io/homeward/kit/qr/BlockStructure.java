package io.homeward.kit.qr;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Error correction level M: how each version splits its codewords into blocks (§7.5.1, Table 9) and interleaves
 * them (§7.6). A version's codeword count is its data modules over 8 (Table 1), counted from the symbol itself.
 */
final class BlockStructure {
    private static final int[] EC_CODEWORDS_PER_BLOCK = {
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28};
    private static final int[] BLOCKS = {
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49};

    private BlockStructure() {
    }

    static int totalCodewords(int version) {
        return new SymbolMatrix(version).dataModules() / 8;
    }

    static int dataCodewords(int version) {
        return totalCodewords(version) - EC_CODEWORDS_PER_BLOCK[version - 1] * BLOCKS[version - 1];
    }

    /** The final message: data codewords split into blocks, each followed by its error correction, interleaved. */
    static byte[] interleave(int version, byte[] data) {
        int blocks = BLOCKS[version - 1];
        int ecPerBlock = EC_CODEWORDS_PER_BLOCK[version - 1];
        int total = totalCodewords(version);
        if (data.length != total - ecPerBlock * blocks) {
            throw new IllegalArgumentException(data.length + " data codewords for version " + version + "-M");
        }
        // The first blocks are one codeword shorter when the codewords do not divide evenly.
        int shortBlocks = blocks - total % blocks;
        int shortDataLength = total / blocks - ecPerBlock;
        byte[][] dataBlocks = new byte[blocks][];
        byte[][] ecBlocks = new byte[blocks][];
        int offset = 0;
        for (int b = 0; b < blocks; b++) {
            int length = shortDataLength + (b < shortBlocks ? 0 : 1);
            dataBlocks[b] = Arrays.copyOfRange(data, offset, offset + length);
            ecBlocks[b] = ReedSolomon.errorCorrection(dataBlocks[b], ecPerBlock);
            offset += length;
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream(total);
        for (int i = 0; i <= shortDataLength; i++) {
            for (byte[] block : dataBlocks) {
                if (i < block.length) {
                    message.write(block[i]);
                }
            }
        }
        for (int i = 0; i < ecPerBlock; i++) {
            for (byte[] block : ecBlocks) {
                message.write(block[i]);
            }
        }
        return message.toByteArray();
    }
}
