package io.homeward.tunnel.internal;

import static io.homeward.tunnel.internal.Suites.AES_GCM;
import static io.homeward.tunnel.internal.Suites.AES_KEY;
import static io.homeward.tunnel.internal.Suites.CHACHA20;
import static io.homeward.tunnel.internal.Suites.CHACHA_KEY;
import static io.homeward.tunnel.internal.Suites.EXAMPLE_SPI;
import static io.homeward.tunnel.internal.Suites.HEX;
import static io.homeward.tunnel.internal.Suites.INNER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class EspSealerTest {
    /** The worked example: the 88-byte ESP packet, AES-GCM-128, no ESN, sequence 1. */
    private static final byte[] AES_EXAMPLE = HEX.parseHex("c0ffee010000000100000000000000012671"
            + "1cf26c884d107a50dc4639799f2213e97a7c6871daae9086951833ca8601e9dd7554db23a481b00aa1afdd18bf15"
            + "d02680bb0042fbee873d292d2114893c9202964714d39f4c");

    @Test
    void sealsTheWorkedExampleByteForByte() throws GeneralSecurityException {
        EspSealer sealer = new EspSealer(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, false, 16, 0);
        byte[] out = new byte[sealer.maxSealedLength(INNER.length)];

        int length = sealer.seal(Esp.NEXT_HEADER_IPV6, INNER, 0, INNER.length, out, 0);

        assertEquals(88, length);
        assertArrayEquals(AES_EXAMPLE, Arrays.copyOf(out, length));
        assertEquals(1, sealer.sequence());
    }

    @Test
    void sealsTheWorkedExampleWithChaCha20() throws GeneralSecurityException {
        EspSealer sealer = new EspSealer(Suites.aead(CHACHA20, CHACHA_KEY), EXAMPLE_SPI, false, 16, 0);
        byte[] out = new byte[200];

        int length = sealer.seal(Esp.NEXT_HEADER_IPV6, INNER, 0, INNER.length, out, 10);

        assertEquals(88, length);
        assertEquals("c0ffee01000000010000000000000001" + "36b968474149d1b3",
                HEX.formatHex(out, 10, 10 + 24));
        assertEquals("68c914ee", HEX.formatHex(out, 10 + length - 4, 10 + length));
    }

    @Test
    void withEsnPutsTheLowHalfOnTheWireAndTheWholeNumberInTheIv() throws GeneralSecurityException {
        EspSealer sealer = new EspSealer(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, true, 16, 0x1_0000_0004L);
        byte[] out = new byte[200];

        sealer.seal(Esp.NEXT_HEADER_IPV6, INNER, 0, INNER.length, out, 0);

        assertEquals("c0ffee01" + "00000005" + "0000000100000005", HEX.formatHex(out, 0, 16));
    }

    @Test
    void padsSoTheIcvStartsOnAFourOctetBoundary() throws GeneralSecurityException {
        for (int inner = 40; inner < 48; inner++) {
            EspSealer sealer = new EspSealer(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, true, 16, 0);
            byte[] out = new byte[200];
            int length = sealer.seal(Esp.NEXT_HEADER_IPV6, new byte[inner], 0, inner, out, 0);
            assertEquals(0, length % 4, "ESP length for a " + inner + "-octet packet");
            assertTrue(length - (8 + 8 + inner + 2 + 16) <= 3, "at most 3 padding octets for " + inner);
        }
    }

    @Test
    void refusesToSendPastTheLastThirtyTwoBitSequenceNumber() throws GeneralSecurityException {
        EspSealer sealer = new EspSealer(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, false, 16, 0xFFFF_FFFEL);
        byte[] out = new byte[200];

        assertEquals(88, sealer.seal(Esp.NEXT_HEADER_IPV6, INNER, 0, INNER.length, out, 0));
        assertEquals("ffffffff", HEX.formatHex(out, 4, 8));
        assertTrue(sealer.exhausted());
        assertEquals(-1, sealer.seal(Esp.NEXT_HEADER_IPV6, INNER, 0, INNER.length, out, 0));
        assertEquals(0xFFFF_FFFFL, sealer.sequence());
    }

    @Test
    void withEsnSendsPastTwoToTheThirtyTwoAndStopsOnlyAtTwoToTheSixtyFour() throws GeneralSecurityException {
        EspSealer sealer = new EspSealer(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, true, 16, 0xFFFF_FFFFL);
        byte[] out = new byte[200];
        assertEquals(88, sealer.seal(Esp.NEXT_HEADER_IPV6, INNER, 0, INNER.length, out, 0));
        assertFalse(sealer.exhausted());

        EspSealer last = new EspSealer(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, true, 16, -2L);
        assertEquals(88, last.seal(Esp.NEXT_HEADER_IPV6, INNER, 0, INNER.length, out, 0));
        assertTrue(last.exhausted());
        assertEquals(-1, last.seal(Esp.NEXT_HEADER_IPV6, INNER, 0, INNER.length, out, 0));
    }
}
