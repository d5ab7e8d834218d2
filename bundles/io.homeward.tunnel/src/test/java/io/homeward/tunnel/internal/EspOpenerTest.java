package io.homeward.tunnel.internal;

import static io.homeward.tunnel.internal.Suites.AES_GCM;
import static io.homeward.tunnel.internal.Suites.AES_KEY;
import static io.homeward.tunnel.internal.Suites.CHACHA20;
import static io.homeward.tunnel.internal.Suites.EXAMPLE_SPI;
import static io.homeward.tunnel.internal.Suites.HEX;
import static io.homeward.tunnel.internal.Suites.INNER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.crypto.PacketAead;
import io.homeward.api.sa.SaSpec;
import io.homeward.tunnel.internal.EspOpener.Outcome;

class EspOpenerTest {
    static List<CryptoSuite> suites() {
        return List.of(AES_GCM, CHACHA20);
    }

    private static byte[] seal(EspSealer sealer, int nextHeader, byte[] inner) throws GeneralSecurityException {
        byte[] out = new byte[sealer.maxSealedLength(inner.length)];
        return Arrays.copyOf(out, sealer.seal(nextHeader, inner, 0, inner.length, out, 0));
    }

    private static byte[] opened(EspOpener opener, byte[] esp) {
        byte[] copy = esp.clone();
        assertEquals(Outcome.DELIVER, opener.open(copy, 0, copy.length));
        return Arrays.copyOfRange(copy, opener.innerOffset(), opener.innerOffset() + opener.innerLength());
    }

    @Test
    void opensTheWorkedExampleWithoutEsn() {
        byte[] esp = HEX.parseHex("c0ffee010000000100000000000000012671"
                + "1cf26c884d107a50dc4639799f2213e97a7c6871daae9086951833ca8601e9dd7554db23a481b00aa1afdd18bf15"
                + "d02680bb0042fbee873d292d2114893c9202964714d39f4c");
        EspOpener opener = new EspOpener(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, false, 16,
                SaSpec.MAX_REPLAY_WINDOW);

        assertArrayEquals(INNER, opened(opener, esp));
        assertEquals(16, opener.innerOffset());
    }

    @ParameterizedTest
    @MethodSource("suites")
    void roundTripsWithEsnAcrossTheThirtyTwoBitWrap(CryptoSuite suite) throws GeneralSecurityException {
        byte[] key = Suites.key(suite, 9);
        EspSealer sealer = new EspSealer(Suites.aead(suite, key), EXAMPLE_SPI, true, 16, 0xFFFF_FFFCL);
        EspOpener opener = new EspOpener(Suites.aead(suite, key), EXAMPLE_SPI, true, 16, SaSpec.MAX_REPLAY_WINDOW);
        for (int i = 0; i < 8; i++) {
            byte[] inner = INNER.clone();
            inner[inner.length - 1] = (byte) i;
            assertArrayEquals(inner, opened(opener, seal(sealer, Esp.NEXT_HEADER_IPV6, inner)), "packet " + i);
        }
        assertEquals(0x1_0000_0004L, opener.highestSequence());
    }

    @Test
    void packetsReorderedAcrossTheWrapStillOpenWithEsn() throws GeneralSecurityException {
        EspSealer sealer = new EspSealer(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, true, 16, 0xFFFF_FFFDL);
        EspOpener opener = new EspOpener(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, true, 16,
                SaSpec.MAX_REPLAY_WINDOW);
        opened(opener, seal(sealer, Esp.NEXT_HEADER_IPV6, INNER));
        byte[] beforeWrap = seal(sealer, Esp.NEXT_HEADER_IPV6, INNER);
        byte[] atWrap = seal(sealer, Esp.NEXT_HEADER_IPV6, INNER);
        byte[] afterWrap = seal(sealer, Esp.NEXT_HEADER_IPV6, INNER);

        opened(opener, afterWrap);
        opened(opener, beforeWrap);
        opened(opener, atWrap);
        assertEquals(Outcome.REPLAY, opener.open(beforeWrap.clone(), 0, beforeWrap.length));
    }

    @ParameterizedTest
    @MethodSource("suites")
    void withoutEsnTheWindowKeepsThirtyTwoBitNumbersAndNeverWraps(CryptoSuite suite) throws GeneralSecurityException {
        byte[] key = Suites.key(suite, 7);
        EspSealer sealer = new EspSealer(Suites.aead(suite, key), EXAMPLE_SPI, false, 16, 0xFFFF_EFFCL);
        EspOpener opener = new EspOpener(Suites.aead(suite, key), EXAMPLE_SPI, false, 16, SaSpec.MAX_REPLAY_WINDOW);
        byte[] first = seal(sealer, Esp.NEXT_HEADER_IPV6, INNER);
        byte[][] later = new byte[SaSpec.MAX_REPLAY_WINDOW + 2][];
        for (int i = 0; i < later.length; i++) {
            later[i] = seal(sealer, Esp.NEXT_HEADER_IPV6, INNER);
        }
        assertTrue(sealer.exhausted(), "the sealer used 0xffffffff, its last number");

        opened(opener, later[later.length - 1]);
        assertEquals(0xFFFF_FFFFL, opener.highestSequence());
        opened(opener, later[2]);
        assertEquals(Outcome.REPLAY, opener.open(later[2].clone(), 0, later[2].length));
        assertEquals(Outcome.REPLAY, opener.open(later[1].clone(), 0, later[1].length), "one below the window");
        assertEquals(Outcome.REPLAY, opener.open(first.clone(), 0, first.length));

        // Sequence number 1 again (a peer that cycled, which RFC 4303 §3.3.3 forbids) is old, not the next 2^32.
        EspSealer cycled = new EspSealer(Suites.aead(suite, key), EXAMPLE_SPI, false, 16, 0);
        byte[] one = seal(cycled, Esp.NEXT_HEADER_IPV6, INNER);
        assertEquals(Outcome.REPLAY, opener.open(one, 0, one.length));
        assertEquals(0xFFFF_FFFFL, opener.highestSequence());
    }

    @ParameterizedTest
    @MethodSource("suites")
    void anSaWithEsnAndOneWithoutCannotTalk(CryptoSuite suite) throws GeneralSecurityException {
        byte[] key = Suites.key(suite, 4);
        for (boolean esn : new boolean[] {true, false}) {
            EspSealer sealer = new EspSealer(Suites.aead(suite, key), EXAMPLE_SPI, esn, 16, 0);
            EspOpener opener = new EspOpener(Suites.aead(suite, key), EXAMPLE_SPI, !esn, 16, SaSpec.MAX_REPLAY_WINDOW);
            byte[] esp = seal(sealer, Esp.NEXT_HEADER_IPV6, INNER);

            assertEquals(Outcome.BAD_ICV, opener.open(esp, 0, esp.length), "sealed with esn " + esn);
            assertEquals(0, opener.highestSequence());
        }
    }

    @ParameterizedTest
    @MethodSource("suites")
    void aReplayedPacketIsRejectedBeforeDecryption(CryptoSuite suite) throws GeneralSecurityException {
        byte[] key = Suites.key(suite, 3);
        EspSealer sealer = new EspSealer(Suites.aead(suite, key), EXAMPLE_SPI, true, 16, 0);
        EspOpener opener = new EspOpener(Suites.aead(suite, key), EXAMPLE_SPI, true, 16, SaSpec.MAX_REPLAY_WINDOW);
        byte[] esp = seal(sealer, Esp.NEXT_HEADER_IPV6, INNER);
        opened(opener, esp);

        assertEquals(Outcome.REPLAY, opener.open(esp.clone(), 0, esp.length));
    }

    @ParameterizedTest
    @MethodSource("suites")
    void aTamperedPacketFailsAndDoesNotBlockTheGenuineOne(CryptoSuite suite) throws GeneralSecurityException {
        byte[] key = Suites.key(suite, 5);
        EspSealer sealer = new EspSealer(Suites.aead(suite, key), EXAMPLE_SPI, true, 16, 0);
        EspOpener opener = new EspOpener(Suites.aead(suite, key), EXAMPLE_SPI, true, 16, SaSpec.MAX_REPLAY_WINDOW);
        byte[] esp = seal(sealer, Esp.NEXT_HEADER_IPV6, INNER);
        for (int at : new int[] {7, 15, 20, esp.length - 1}) {
            byte[] forged = esp.clone();
            forged[at] ^= 0x10;
            assertEquals(Outcome.BAD_ICV, opener.open(forged, 0, forged.length), "flipped octet " + at);
        }
        assertArrayEquals(INNER, opened(opener, esp));
    }

    @Test
    void aPacketTooShortForTrailerAndIcvIsRejected() {
        EspOpener opener = new EspOpener(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, true, 16,
                SaSpec.MAX_REPLAY_WINDOW);
        byte[] runt = new byte[8 + 8 + 17];
        runt[7] = 1;
        assertEquals(Outcome.TOO_SHORT, opener.open(runt, 0, runt.length));
    }

    @Test
    void aDummyPacketAuthenticatesAndIsDiscarded() throws GeneralSecurityException {
        EspSealer sealer = new EspSealer(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, true, 16, 0);
        EspOpener opener = new EspOpener(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, true, 16,
                SaSpec.MAX_REPLAY_WINDOW);
        byte[] dummy = seal(sealer, Esp.NEXT_HEADER_NONE, new byte[13]);

        assertEquals(Outcome.DUMMY, opener.open(dummy, 0, dummy.length));
        assertEquals(1, opener.highestSequence());
    }

    @Test
    void anotherProtocolThanIpv6IsRejected() throws GeneralSecurityException {
        EspSealer sealer = new EspSealer(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, true, 16, 0);
        EspOpener opener = new EspOpener(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, true, 16,
                SaSpec.MAX_REPLAY_WINDOW);
        byte[] ipv4 = seal(sealer, 4, new byte[20]);

        assertEquals(Outcome.UNSUPPORTED_NEXT_HEADER, opener.open(ipv4, 0, ipv4.length));
    }

    @Test
    void paddingOtherThanOneTwoThreeIsRejected() throws GeneralSecurityException {
        EspOpener opener = new EspOpener(Suites.aead(AES_GCM, AES_KEY), EXAMPLE_SPI, true, 16,
                SaSpec.MAX_REPLAY_WINDOW);
        byte[] wrongBytes = Arrays.copyOf(INNER, INNER.length + 4);
        System.arraycopy(new byte[] {1, 7, 2, 41}, 0, wrongBytes, INNER.length, 4);
        assertEquals(Outcome.BAD_PADDING, opener.open(sealRaw(1, wrongBytes), 0, 8 + 8 + wrongBytes.length + 16));

        byte[] tooLong = {0, 0, 1, 41};
        assertEquals(Outcome.BAD_PADDING, opener.open(sealRaw(2, tooLong), 0, 8 + 8 + tooLong.length + 16));
        assertEquals(2, opener.highestSequence(), "both were authentic, so the window moved");
    }

    /** An ESP packet whose plaintext (payload, padding and trailer) the test writes itself. */
    private static byte[] sealRaw(long sequence, byte[] plaintext) throws GeneralSecurityException {
        PacketAead aead = Suites.aead(AES_GCM, AES_KEY);
        byte[] esp = new byte[8 + 8 + plaintext.length + 16];
        Bytes.putInt(esp, 0, EXAMPLE_SPI);
        Bytes.putInt(esp, 4, (int) sequence);
        Bytes.putLong(esp, 8, sequence);
        byte[] aad = new byte[12];
        int aadLength = EspAad.fill(aad, EXAMPLE_SPI, sequence, true);
        aead.seal(sequence, aad, aadLength, plaintext, 0, plaintext.length, esp, 16);
        return esp;
    }
}
