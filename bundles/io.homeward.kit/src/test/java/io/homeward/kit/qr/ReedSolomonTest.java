package io.homeward.kit.qr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class ReedSolomonTest {
    private static byte[] hex(String text) {
        return HexFormat.ofDelimiter(" ").parseHex(text);
    }

    @Test
    void annexIExampleVersion1M() {
        // ISO/IEC 18004:2015 Annex I: "01234567" in numeric mode, version 1-M.
        byte[] data = hex("10 20 0c 56 61 80 ec 11 ec 11 ec 11 ec 11 ec 11");
        assertArrayEquals(hex("a5 24 d4 c1 ed 36 c7 87 2c 55"), ReedSolomon.errorCorrection(data, 10));
    }

    @Test
    void helloWorldVersion1M() {
        byte[] data = DataSegment.of("HELLO WORLD").codewords(1, 128);
        assertArrayEquals(hex("20 5b 0b 78 d1 72 dc 4d 43 40 ec 11 ec 11 ec 11"), data);
        assertArrayEquals(hex("c4 23 27 77 eb d7 e7 e2 5d 17"), ReedSolomon.errorCorrection(data, 10));
    }

    @Test
    void generatorOfDegreeSevenAsInAnnexA() {
        // Annex A: x^7 + α^87 x^6 + α^229 x^5 + α^146 x^4 + α^149 x^3 + α^238 x^2 + α^102 x + α^21.
        int[] powers = {87, 229, 146, 149, 238, 102, 21};
        int[] generator = ReedSolomon.generator(7);
        assertEquals(1, generator[0]);
        for (int i = 0; i < powers.length; i++) {
            int alphaPower = 1;
            for (int k = 0; k < powers[i]; k++) {
                alphaPower = ReedSolomon.multiply(alphaPower, 2);
            }
            assertEquals(alphaPower, generator[i + 1], "coefficient of x^" + (6 - i));
        }
    }
}
