package io.homeward.kit.aead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;

import org.junit.jupiter.api.Test;

class SaltedCipherAeadTest {
    private static final byte[] KEYMAT = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f" + "a0a1a2a3");
    private static final byte[] AAD = HexFormat.of().parseHex("c0ffee0100000001");
    private static final byte[] TEXT = "a packet for the tunnel".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sealsWithTheTagAndOpensAtAnOffset() throws GeneralSecurityException {
        GcmForTest sender = new GcmForTest(KEYMAT);
        byte[] sealed = new byte[TEXT.length + 16];
        assertEquals(sealed.length, sender.seal(7, AAD, AAD.length, TEXT, 0, TEXT.length, sealed, 0));

        byte[] packet = new byte[3 + sealed.length];
        System.arraycopy(sealed, 0, packet, 3, sealed.length);
        byte[] out = new byte[sealed.length];
        assertEquals(TEXT.length, new GcmForTest(KEYMAT).open(7, AAD, AAD.length, packet, 3, sealed.length, out, 0));
        assertArrayEquals(TEXT, Arrays.copyOf(out, TEXT.length));
        assertEquals(1, sender.begins, "each packet readies the cipher once through the subclass hook");
    }

    @Test
    void theIvAndTheAadAreAuthenticated() throws GeneralSecurityException {
        byte[] sealed = new byte[TEXT.length + 16];
        new GcmForTest(KEYMAT).seal(7, AAD, AAD.length, TEXT, 0, TEXT.length, sealed, 0);
        GcmForTest receiver = new GcmForTest(KEYMAT);
        byte[] out = new byte[sealed.length];
        assertThrows(AEADBadTagException.class, () -> receiver.open(8, AAD, AAD.length, sealed, 0, sealed.length, out, 0));
        assertThrows(AEADBadTagException.class, () -> receiver.open(7, AAD, 4, sealed, 0, sealed.length, out, 0));
        assertEquals(TEXT.length, receiver.open(7, AAD, AAD.length, sealed, 0, sealed.length, out, 0));
    }

    @Test
    void aPacketShorterThanTheIcvIsRefusedWithoutTouchingTheCipher() throws GeneralSecurityException {
        GcmForTest aead = new GcmForTest(KEYMAT);
        AEADBadTagException e = assertThrows(AEADBadTagException.class,
                () -> aead.open(1, AAD, AAD.length, new byte[10], 0, 10, new byte[16], 0));
        assertEquals("a packet of 10 octets cannot hold the 16-octet ICV", e.getMessage());
        assertEquals(0, aead.begins);
    }
}
