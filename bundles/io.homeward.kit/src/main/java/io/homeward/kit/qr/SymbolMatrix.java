package io.homeward.kit.qr;

/**
 * The modules of one symbol under construction (§6.3, §7.7): the function patterns of its version, then the
 * message placed in the remaining modules, masked, and the format information.
 */
final class SymbolMatrix {
    private final int version;
    private final int size;
    private final boolean[] dark;
    private final boolean[] function;

    SymbolMatrix(int version) {
        if (version < 1 || version > 40) {
            throw new IllegalArgumentException("version " + version + " is not 1 to 40");
        }
        this.version = version;
        this.size = 17 + 4 * version;
        this.dark = new boolean[size * size];
        this.function = new boolean[size * size];
        drawFunctionPatterns();
    }

    int size() {
        return size;
    }

    boolean[] modules() {
        return dark.clone();
    }

    /** Modules left for the message: every one that is not part of a function pattern or of the information. */
    int dataModules() {
        int count = 0;
        for (boolean reserved : function) {
            if (!reserved) {
                count++;
            }
        }
        return count;
    }

    private void set(int x, int y, boolean isDark) {
        dark[y * size + x] = isDark;
        function[y * size + x] = true;
    }

    private void drawFunctionPatterns() {
        // Timing patterns (§6.3.5) first: the finders and their separators then cover their ends.
        for (int k = 0; k < size; k++) {
            set(6, k, k % 2 == 0);
            set(k, 6, k % 2 == 0);
        }
        drawFinder(3, 3);
        drawFinder(size - 4, 3);
        drawFinder(3, size - 4);
        int[] centres = AlignmentPatterns.centres(version);
        int last = centres.length - 1;
        for (int i = 0; i <= last; i++) {
            for (int j = 0; j <= last; j++) {
                boolean onFinder = i == 0 && j == 0 || i == 0 && j == last || i == last && j == 0;
                if (!onFinder) {
                    drawAlignment(centres[i], centres[j]);
                }
            }
        }
        // Reserve the format information's modules; drawFormat fills them once the mask is chosen.
        drawFormat(0);
        if (version >= 7) {
            drawVersion();
        }
    }

    /** Finder pattern (§6.3.3) centred on (cx, cy), with its light separator (§6.3.4) where it is in the symbol. */
    private void drawFinder(int cx, int cy) {
        for (int dy = -4; dy <= 4; dy++) {
            for (int dx = -4; dx <= 4; dx++) {
                int x = cx + dx;
                int y = cy + dy;
                if (x >= 0 && x < size && y >= 0 && y < size) {
                    int ring = Math.max(Math.abs(dx), Math.abs(dy));
                    set(x, y, ring != 2 && ring != 4);
                }
            }
        }
    }

    /** Alignment pattern (§6.3.6): 5 × 5 dark ring, light ring, dark centre. */
    private void drawAlignment(int cx, int cy) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) != 1);
            }
        }
    }

    /** Both copies of the 15 format bits (§7.9.1, Figure 25), bit 0 the least significant, and the dark module. */
    void drawFormat(int bits) {
        for (int i = 0; i < 15; i++) {
            boolean bit = (bits >>> i & 1) != 0;
            // Around the upper left finder: up column 8 from row 0 (skipping the timing row), then left along row 8.
            if (i < 6) {
                set(8, i, bit);
            } else if (i < 8) {
                set(8, i + 1, bit);
            } else if (i == 8) {
                set(7, 8, bit);
            } else {
                set(14 - i, 8, bit);
            }
            // Under the upper right finder (bits 0 to 7), then beside the lower left one (bits 8 to 14).
            if (i < 8) {
                set(size - 1 - i, 8, bit);
            } else {
                set(8, size - 15 + i, bit);
            }
        }
        set(8, size - 8, true);
    }

    /**
     * Both copies of the 18 version bits (§7.10, Figure 27), bit 0 first: three columns by six rows left of the
     * upper right finder, and its transpose above the lower left one.
     */
    private void drawVersion() {
        int bits = VersionInformation.bits(version);
        for (int i = 0; i < 18; i++) {
            boolean bit = (bits >>> i & 1) != 0;
            int nearEdge = i / 3;
            int nearFinder = size - 11 + i % 3;
            set(nearFinder, nearEdge, bit);
            set(nearEdge, nearFinder, bit);
        }
    }

    /**
     * Places the message (§7.7.3): two-module columns from the right, upwards then downwards in turn, skipping the
     * vertical timing pattern and every function module, most significant bit first; remainder bits stay light.
     */
    void placeMessage(byte[] codewords) {
        int bit = 0;
        int total = codewords.length * 8;
        boolean upwards = true;
        for (int right = size - 1; right >= 1; right -= 2) {
            if (right == 6) {
                right = 5;
            }
            for (int step = 0; step < size; step++) {
                int y = upwards ? size - 1 - step : step;
                for (int x = right; x >= right - 1; x--) {
                    if (!function[y * size + x]) {
                        dark[y * size + x] = bit < total && (codewords[bit >>> 3] >>> (7 - (bit & 7)) & 1) != 0;
                        bit++;
                    }
                }
            }
            upwards = !upwards;
        }
    }

    /** Inverts the encoding region's modules where the pattern says so; applying it twice undoes it. */
    void applyMask(int pattern) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (!function[y * size + x] && MaskPattern.inverts(pattern, y, x)) {
                    dark[y * size + x] = !dark[y * size + x];
                }
            }
        }
    }
}
