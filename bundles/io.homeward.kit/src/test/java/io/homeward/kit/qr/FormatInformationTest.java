package io.homeward.kit.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FormatInformationTest {
    // Annex C, Table C.1: the masked format information, levels L, M, Q, H, masks 000 to 111.
    private static final String[][] TABLE = {
        {"01", "111011111000100", "111001011110011", "111110110101010", "111100010011101",
            "110011000101111", "110001100011000", "110110001000001", "110100101110110"},
        {"00", "101010000010010", "101000100100101", "101111001111100", "101101101001011",
            "100010111111001", "100000011001110", "100111110010111", "100101010100000"},
        {"11", "011010101011111", "011000001101000", "011111100110001", "011101000000110",
            "010010010110100", "010000110000011", "010111011011010", "010101111101101"},
        {"10", "001011010001001", "001001110111110", "001110011100111", "001100111010000",
            "000011101100010", "000001001010101", "000110100001100", "000100000111011"}};

    @Test
    void everyLevelAndMaskMatchesTheStandardsTable() {
        for (String[] level : TABLE) {
            int indicator = Integer.parseInt(level[0], 2);
            for (int mask = 0; mask < 8; mask++) {
                assertEquals(Integer.parseInt(level[mask + 1], 2), FormatInformation.bits(indicator, mask),
                        "level " + level[0] + " mask " + mask);
            }
        }
    }

    @Test
    void levelMIsIndicatorZero() {
        assertEquals(0b101010000010010, FormatInformation.bits(FormatInformation.LEVEL_M, 0));
    }

    @Test
    void rejectsOutOfRangeFields() {
        assertThrows(IllegalArgumentException.class, () -> FormatInformation.bits(4, 0));
        assertThrows(IllegalArgumentException.class, () -> FormatInformation.bits(0, 8));
    }
}
