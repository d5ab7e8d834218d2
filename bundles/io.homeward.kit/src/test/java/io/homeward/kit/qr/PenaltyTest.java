package io.homeward.kit.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PenaltyTest {
    private static boolean[] line(String modules) {
        boolean[] line = new boolean[modules.length()];
        for (int k = 0; k < line.length; k++) {
            line[k] = modules.charAt(k) == '1';
        }
        return line;
    }

    @Test
    void runsOfFiveOrMoreScoreThreePlusTheExcess() {
        assertEquals(0, Penalty.runs(line("1111011110")));
        assertEquals(3, Penalty.runs(line("11111011")));
        assertEquals(3 + 5, Penalty.runs(line("000001111111")));
    }

    @Test
    void twoByTwoBlocksOverlap() {
        // A 3 × 3 square of one colour holds four 2 × 2 blocks.
        assertEquals(12, Penalty.blocks(new boolean[9], 3));
        assertEquals(0, Penalty.blocks(new boolean[] {true, false, false, true}, 2));
    }

    @Test
    void finderLikePatternNeedsFourLightModulesOnOneSide() {
        assertEquals(40, Penalty.finderLike(line("000010111010")));
        assertEquals(40, Penalty.finderLike(line("1011101")), "the quiet zone is light");
        assertEquals(0, Penalty.finderLike(line("1000101110110001")));
    }

    @Test
    void balanceScoresTenPerFivePercentFromHalf() {
        assertEquals(0, Penalty.balance(line("1010101010")));
        assertEquals(10, Penalty.balance(line("11111111111000000000")));
        assertEquals(20, Penalty.balance(line("11111111111100000000")));
        assertEquals(100, Penalty.balance(line("0000000000")));
    }
}
