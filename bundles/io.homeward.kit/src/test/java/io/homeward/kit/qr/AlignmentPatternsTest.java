package io.homeward.kit.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AlignmentPatternsTest {
    @Test
    void someVersionsFromTableE1() {
        assertArrayEquals(new int[0], AlignmentPatterns.centres(1));
        assertArrayEquals(new int[] {6, 18}, AlignmentPatterns.centres(2));
        assertArrayEquals(new int[] {6, 22, 38}, AlignmentPatterns.centres(7));
        assertArrayEquals(new int[] {6, 26, 50, 74, 98}, AlignmentPatterns.centres(22));
        assertArrayEquals(new int[] {6, 34, 60, 86, 112, 138}, AlignmentPatterns.centres(32));
        assertArrayEquals(new int[] {6, 30, 58, 86, 114, 142, 170}, AlignmentPatterns.centres(40));
    }

    @Test
    void everyVersionSpansTheSymbolInEvenEqualSteps() {
        for (int version = 2; version <= 40; version++) {
            int[] centres = AlignmentPatterns.centres(version);
            assertEquals(version / 7 + 2, centres.length, "version " + version);
            assertEquals(6, centres[0]);
            assertEquals(17 + 4 * version - 7, centres[centres.length - 1], "version " + version);
            // Equal even steps from the last centre back; only the first step differs: shorter, except in
            // version 32, whose table entry has a first step of 28 before steps of 26.
            int step = centres[centres.length - 1] - centres[centres.length - 2];
            assertEquals(0, step % 2, "version " + version);
            for (int i = 2; i < centres.length; i++) {
                assertEquals(step, centres[i] - centres[i - 1], "version " + version);
            }
            assertTrue(version == 32 ? centres[1] - centres[0] == step + 2 : centres[1] - centres[0] <= step,
                    "version " + version);
        }
    }
}
