package io.homeward.kit.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class BlockStructureTest {
    // Table 1: codewords per version; Table 9: data codewords at level M.
    private static final int[] TOTAL = {
        26, 44, 70, 100, 134, 172, 196, 242, 292, 346, 404, 466, 532, 581, 655, 733, 815, 901, 991, 1085,
        1156, 1258, 1364, 1474, 1588, 1706, 1828, 1921, 2051, 2185, 2323, 2465, 2611, 2761, 2876, 3034, 3196, 3362,
        3532, 3706};

    @Test
    void codewordsPerVersionMatchTable1() {
        for (int version = 1; version <= 40; version++) {
            assertEquals(TOTAL[version - 1], BlockStructure.totalCodewords(version), "version " + version);
        }
    }

    @Test
    void dataCodewordsAtLevelM() {
        assertEquals(16, BlockStructure.dataCodewords(1));
        assertEquals(108, BlockStructure.dataCodewords(6));
        assertEquals(124, BlockStructure.dataCodewords(7));
        assertEquals(216, BlockStructure.dataCodewords(10));
        assertEquals(2334, BlockStructure.dataCodewords(40));
    }

    @Test
    void interleavesBlocksOfUnequalLength() {
        // Version 10-M (Table 9): four blocks of 43 data codewords, then one of 44; 26 error correction codewords each.
        byte[] data = new byte[216];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        byte[] message = BlockStructure.interleave(10, data);
        assertEquals(346, message.length);
        assertArrayEquals(new byte[] {0, 43, 86, (byte) 129, (byte) 172, 1}, Arrays.copyOf(message, 6));
        // After 43 rounds of five, only the long block has a 44th codeword; then the first block's error correction.
        assertEquals((byte) 214, message[214]);
        assertEquals((byte) 215, message[215]);
        byte[] firstBlockCorrection = ReedSolomon.errorCorrection(Arrays.copyOf(data, 43), 26);
        byte[] lastBlockCorrection = ReedSolomon.errorCorrection(Arrays.copyOfRange(data, 172, 216), 26);
        assertEquals(firstBlockCorrection[0], message[216]);
        assertEquals(lastBlockCorrection[0], message[220]);
        assertEquals(lastBlockCorrection[25], message[345]);
    }

    @Test
    void rejectsTheWrongAmountOfData() {
        assertThrows(IllegalArgumentException.class, () -> BlockStructure.interleave(1, new byte[15]));
    }
}
