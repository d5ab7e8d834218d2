package io.homeward.kit.qr;

/** The eight data mask patterns of §7.8.2, Table 10: whether the module at row i, column j is inverted. */
final class MaskPattern {
    static final int COUNT = 8;

    private MaskPattern() {
    }

    static boolean inverts(int pattern, int i, int j) {
        return switch (pattern) {
            case 0 -> (i + j) % 2 == 0;
            case 1 -> i % 2 == 0;
            case 2 -> j % 3 == 0;
            case 3 -> (i + j) % 3 == 0;
            case 4 -> (i / 2 + j / 3) % 2 == 0;
            case 5 -> i * j % 2 + i * j % 3 == 0;
            case 6 -> (i * j % 2 + i * j % 3) % 2 == 0;
            case 7 -> ((i + j) % 2 + i * j % 3) % 2 == 0;
            default -> throw new IllegalArgumentException("mask pattern " + pattern);
        };
    }
}
