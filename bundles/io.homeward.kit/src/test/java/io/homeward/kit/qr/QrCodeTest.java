package io.homeward.kit.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class QrCodeTest {
    // Table 7: alphanumeric and byte characters of versions 1 to 10 and 40 at level M.
    private static final int[] ALPHANUMERIC_CAPACITY = {20, 38, 61, 90, 122, 154, 178, 221, 262, 311};
    private static final int[] BYTE_CAPACITY = {14, 26, 42, 62, 84, 106, 122, 152, 180, 213};

    private static int version(QrCode code) {
        return (code.size() - 17) / 4;
    }

    @Test
    void longestAlphanumericTextOfEachVersionFitsAndOneMoreMovesUp() {
        for (int version = 1; version <= ALPHANUMERIC_CAPACITY.length; version++) {
            int capacity = ALPHANUMERIC_CAPACITY[version - 1];
            assertEquals(version, version(QrCode.encode("A".repeat(capacity))), capacity + " characters");
            assertEquals(version + 1, version(QrCode.encode("A".repeat(capacity + 1))), capacity + 1 + " characters");
        }
        assertEquals(40, version(QrCode.encode("A".repeat(3391))));
    }

    @Test
    void longestByteTextOfEachVersionFitsAndOneMoreMovesUp() {
        for (int version = 1; version <= BYTE_CAPACITY.length; version++) {
            int capacity = BYTE_CAPACITY[version - 1];
            assertEquals(version, version(QrCode.encode("a".repeat(capacity))), capacity + " octets");
            assertEquals(version + 1, version(QrCode.encode("a".repeat(capacity + 1))), capacity + 1 + " octets");
        }
        assertEquals(40, version(QrCode.encode("a".repeat(2331))));
    }

    @Test
    void nonAsciiCountsItsUtf8Octets() {
        // Seven three-octet characters are 21 octets: more than version 1-M's 14.
        assertEquals(2, version(QrCode.encode("€".repeat(7))));
        assertEquals(1, version(QrCode.encode("€".repeat(4))));
    }

    @Test
    void tooLongTextIsRejectedWithItsSize() {
        IllegalArgumentException alphanumeric = assertThrows(IllegalArgumentException.class,
                () -> QrCode.encode("A".repeat(3392)));
        assertTrue(alphanumeric.getMessage().contains("3392 alphanumeric characters"), alphanumeric.getMessage());
        IllegalArgumentException octets = assertThrows(IllegalArgumentException.class,
                () -> QrCode.encode("a".repeat(70_000)));
        assertTrue(octets.getMessage().contains("70000 UTF-8 octets"), octets.getMessage());
        assertThrows(NullPointerException.class, () -> QrCode.encode(null));
    }

    @Test
    void inviteCodeOf160CharactersIsVersion7() {
        String invite = "HW1" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".repeat(5).substring(0, 157);
        assertEquals(160, invite.length());
        // 4 + 9 + 80 × 11 = 893 bits: more than version 6-M's 864 data bits, within version 7-M's 992.
        QrCode code = QrCode.encode(invite);
        assertEquals(7, version(code));
        assertEquals(45, code.size());
    }

    @Test
    void finderTimingAndDarkModuleArePresent() {
        QrCode code = QrCode.encode("HW1ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEF");
        int size = code.size();
        for (int[] corner : new int[][] {{0, 0}, {size - 7, 0}, {0, size - 7}}) {
            for (int dy = -1; dy <= 7; dy++) {
                for (int dx = -1; dx <= 7; dx++) {
                    int x = corner[0] + dx;
                    int y = corner[1] + dy;
                    if (x < 0 || y < 0 || x >= size || y >= size) {
                        continue;
                    }
                    int ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
                    assertEquals(ring != 2 && ring != 4, code.dark(x, y), "module " + x + "," + y);
                }
            }
        }
        for (int k = 8; k < size - 8; k++) {
            assertEquals(k % 2 == 0, code.dark(k, 6), "timing row at " + k);
            assertEquals(k % 2 == 0, code.dark(6, k), "timing column at " + k);
        }
        assertTrue(code.dark(8, size - 8));
    }

    @Test
    void formatInformationIsReadableInBothCopies() {
        QrCode code = QrCode.encode("HELLO WORLD");
        int size = code.size();
        int first = 0;
        int second = 0;
        for (int i = 0; i < 15; i++) {
            boolean bit = i < 6 ? code.dark(8, i) : i < 8 ? code.dark(8, i + 1) : i == 8 ? code.dark(7, 8)
                    : code.dark(14 - i, 8);
            boolean copy = i < 8 ? code.dark(size - 1 - i, 8) : code.dark(8, size - 15 + i);
            first |= (bit ? 1 : 0) << i;
            second |= (copy ? 1 : 0) << i;
        }
        assertEquals(first, second);
        boolean known = false;
        for (int mask = 0; mask < 8; mask++) {
            known |= FormatInformation.bits(FormatInformation.LEVEL_M, mask) == first;
        }
        assertTrue(known, Integer.toBinaryString(first));
    }

    @Test
    void emptyTextIsVersion1() {
        assertEquals(21, QrCode.encode("").size());
    }

    @Test
    void svgIsCompactSelfContainedAndWithoutTheText() {
        String text = "<script>alert(1)</script> & \"quotes\"";
        QrCode code = QrCode.encode(text);
        String svg = code.svg();
        int side = code.size() + 8;
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side
                + "\" shape-rendering=\"crispEdges\">"), svg);
        assertTrue(svg.endsWith("</svg>"));
        assertFalse(svg.contains("script"));
        assertFalse(svg.contains("alert"));
        assertEquals(1, svg.split("<path ", -1).length - 1);
        // The path's rectangles cover exactly the dark modules, offset by the quiet zone.
        boolean[][] drawn = new boolean[side][side];
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z").matcher(svg);
        while (run.find()) {
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            int length = Integer.parseInt(run.group(3));
            assertEquals(length, Integer.parseInt(run.group(4)));
            for (int k = 0; k < length; k++) {
                drawn[y][x + k] = true;
            }
        }
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean inSymbol = x >= 4 && y >= 4 && x < side - 4 && y < side - 4;
                assertEquals(inSymbol && code.dark(x - 4, y - 4), drawn[y][x], "module " + x + "," + y);
            }
        }
    }

    @Test
    void moduleOutsideTheSymbolIsAnError() {
        QrCode code = QrCode.encode("A");
        assertThrows(IndexOutOfBoundsException.class, () -> code.dark(21, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> code.dark(0, -1));
    }
}
