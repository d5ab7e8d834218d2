package io.homeward.kit.qr;

/** The mask evaluation of §7.8.3, Table 11: the lower the score, the easier the symbol reads. */
final class Penalty {
    private static final int[] FINDER_LIKE = {1, 0, 1, 1, 1, 0, 1};
    private static final int LIGHT_AREA = 4;

    private Penalty() {
    }

    /** The sum of the four features' points for a square of modules, {@code dark[y * size + x]}. */
    static int score(boolean[] dark, int size) {
        int score = 0;
        boolean[] row = new boolean[size];
        boolean[] column = new boolean[size];
        for (int line = 0; line < size; line++) {
            for (int k = 0; k < size; k++) {
                row[k] = dark[line * size + k];
                column[k] = dark[k * size + line];
            }
            score += runs(row) + finderLike(row) + runs(column) + finderLike(column);
        }
        return score + blocks(dark, size) + balance(dark);
    }

    /** Feature 1: five or more adjacent modules of one colour score 3, plus 1 for each module beyond five. */
    static int runs(boolean[] line) {
        int score = 0;
        int run = 1;
        for (int k = 1; k <= line.length; k++) {
            if (k < line.length && line[k] == line[k - 1]) {
                run++;
            } else {
                if (run >= 5) {
                    score += run - 2;
                }
                run = 1;
            }
        }
        return score;
    }

    /** Feature 2: each 2 × 2 block of one colour scores 3 (overlapping blocks each count). */
    static int blocks(boolean[] dark, int size) {
        int score = 0;
        for (int y = 0; y + 1 < size; y++) {
            for (int x = 0; x + 1 < size; x++) {
                boolean colour = dark[y * size + x];
                if (dark[y * size + x + 1] == colour && dark[(y + 1) * size + x] == colour
                        && dark[(y + 1) * size + x + 1] == colour) {
                    score += 3;
                }
            }
        }
        return score;
    }

    /**
     * Feature 3: a dark-light-dark-dark-dark-light-dark run (1:1:3:1:1) with four light modules before or after it
     * scores 40; beyond the symbol's edge is the light quiet zone.
     */
    static int finderLike(boolean[] line) {
        int score = 0;
        for (int start = 0; start + FINDER_LIKE.length <= line.length; start++) {
            if (matches(line, start) && (light(line, start - LIGHT_AREA, start)
                    || light(line, start + FINDER_LIKE.length, start + FINDER_LIKE.length + LIGHT_AREA))) {
                score += 40;
            }
        }
        return score;
    }

    private static boolean matches(boolean[] line, int start) {
        for (int k = 0; k < FINDER_LIKE.length; k++) {
            if (line[start + k] != (FINDER_LIKE[k] == 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean light(boolean[] line, int from, int to) {
        for (int k = Math.max(from, 0); k < Math.min(to, line.length); k++) {
            if (line[k]) {
                return false;
            }
        }
        return true;
    }

    /** Feature 4: 10 points for each full 5 % the dark modules' share deviates from 50 %. */
    static int balance(boolean[] dark) {
        int count = 0;
        for (boolean module : dark) {
            if (module) {
                count++;
            }
        }
        return Math.abs(count * 20 - dark.length * 10) / dark.length * 10;
    }
}
