package io.homeward.kit.qr;

import java.util.Objects;

/**
 * A QR code symbol (ISO/IEC 18004:2015, model 2) at error correction level M: one alphanumeric or byte mode
 * segment in the smallest version that holds it, with the mask of lowest penalty. Renders as SVG for the console.
 */
public final class QrCode {
    private static final int QUIET_ZONE = 4;

    private final int size;
    private final boolean[] dark;

    private QrCode(SymbolMatrix matrix) {
        this.size = matrix.size();
        this.dark = matrix.modules();
    }

    /**
     * Encodes {@code text} in alphanumeric mode when every character is one of its 45 (digits, A–Z, space and
     * {@code $%*+-./:}), else as UTF-8 in byte mode.
     *
     * @throws IllegalArgumentException when the text does not fit version 40-M
     */
    public static QrCode encode(String text) {
        Objects.requireNonNull(text, "text");
        DataSegment segment = DataSegment.of(text);
        for (int version = 1; version <= 40; version++) {
            int capacity = BlockStructure.dataCodewords(version) * 8;
            if (segment.fits(version, capacity)) {
                return build(segment, version, capacity);
            }
        }
        throw new IllegalArgumentException("text does not fit a QR code: " + segment.count()
                + (segment.alphanumeric() ? " alphanumeric characters" : " UTF-8 octets") + " need "
                + segment.bitLength(40) + " data bits, version 40-M holds " + BlockStructure.dataCodewords(40) * 8);
    }

    private static QrCode build(DataSegment segment, int version, int capacity) {
        SymbolMatrix matrix = new SymbolMatrix(version);
        matrix.placeMessage(BlockStructure.interleave(version, segment.codewords(version, capacity)));
        int best = 0;
        int bestScore = Integer.MAX_VALUE;
        for (int pattern = 0; pattern < MaskPattern.COUNT; pattern++) {
            matrix.applyMask(pattern);
            matrix.drawFormat(FormatInformation.bits(FormatInformation.LEVEL_M, pattern));
            int score = Penalty.score(matrix.modules(), matrix.size());
            if (score < bestScore) {
                best = pattern;
                bestScore = score;
            }
            matrix.applyMask(pattern);
        }
        matrix.applyMask(best);
        matrix.drawFormat(FormatInformation.bits(FormatInformation.LEVEL_M, best));
        return new QrCode(matrix);
    }

    /** Modules per side without the quiet zone: 17 + 4 × version (21 to 177). */
    public int size() {
        return size;
    }

    /** Whether the module at column {@code x}, row {@code y} (from the upper left corner) is dark. */
    public boolean dark(int x, int y) {
        if (x < 0 || x >= size || y < 0 || y >= size) {
            throw new IndexOutOfBoundsException("module (" + x + ", " + y + ") outside a " + size + "-module symbol");
        }
        return dark[y * size + x];
    }

    /**
     * A standalone SVG image: a light square with the 4-module quiet zone and one path of the dark modules, one
     * unit per module, each row's dark runs as rectangles. It contains nothing from the encoded text.
     */
    public String svg() {
        int side = size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < size; y++) {
            int x = 0;
            while (x < size) {
                if (!dark[y * size + x]) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < size && dark[y * size + x]) {
                    x++;
                }
                path.append('M').append(start + QUIET_ZONE).append(' ').append(y + QUIET_ZONE)
                        .append('h').append(x - start).append("v1h-").append(x - start).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + ' ' + side
                + "\" shape-rendering=\"crispEdges\"><rect width=\"" + side + "\" height=\"" + side
                + "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
