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

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.stream.Stream;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.sa.SaSpec;
import io.homeward.tunnel.internal.EspOpener.Outcome;

/**
 * Our ESP packets against packets built here from the RFCs' definitions with the JDK's SunJCE ciphers, without
 * the tunnel's code: nonce = salt ‖ explicit IV (RFC 4106 §4, RFC 7634 §2); AAD = SPI ‖ 32-bit sequence number
 * (8 octets), or with ESN SPI ‖ high half ‖ low half (12 octets) (RFC 4106 §5, RFC 7634 §2.2).
 */
class EspKnownAnswerTest {
    private static final byte[] AES_256_KEY = HEX.parseHex(
            "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4" + "cafebabe");

    static Stream<Arguments> cases() {
        return Stream.of(AES_GCM, CHACHA20).flatMap(suite -> Stream.of(false, true).flatMap(esn -> Stream.of(0L,
                0x7FFF_FFFEL, 0xFFFF_FFFDL, 0x1_0000_0004L).filter(last -> esn || last < 0xFFFF_FFFFL).flatMap(
                        last -> keys(suite).map(key -> Arguments.of(suite, key, esn, last)))));
    }

    private static Stream<byte[]> keys(CryptoSuite suite) {
        return suite == AES_GCM ? Stream.of(AES_KEY, AES_256_KEY) : Stream.of(CHACHA_KEY);
    }

    @ParameterizedTest(name = "[{index}] {0} esn {2} after {3}")
    @MethodSource("cases")
    void sealsExactlyWhatTheRfcDefines(CryptoSuite suite, byte[] key, boolean esn, long last) throws Exception {
        EspSealer sealer = new EspSealer(Suites.aead(suite, key), EXAMPLE_SPI, esn, 16, last);
        byte[] ours = new byte[sealer.maxSealedLength(INNER.length)];
        int length = sealer.seal(Esp.NEXT_HEADER_IPV6, INNER, 0, INNER.length, ours, 0);

        assertArrayEquals(reference(suite, key, esn, last + 1), Arrays.copyOf(ours, length));
    }

    @ParameterizedTest(name = "[{index}] {0} esn {2} after {3}")
    @MethodSource("cases")
    void opensWhatTheRfcDefines(CryptoSuite suite, byte[] key, boolean esn, long last) throws Exception {
        byte[] esp = reference(suite, key, esn, last + 1);
        EspOpener opener = new EspOpener(Suites.aead(suite, key), EXAMPLE_SPI, esn, 16, SaSpec.MAX_REPLAY_WINDOW);
        if (last + 1 > 0xFFFF_FFFFL) {
            // The receiver infers the unsent high half from its window (RFC 4303 Appendix A2.2): bring it near.
            byte[] beforeTheWrap = reference(suite, key, esn, 0xFFFF_FFF0L);
            assertEquals(Outcome.DELIVER, opener.open(beforeTheWrap, 0, beforeTheWrap.length));
        }

        assertEquals(Outcome.DELIVER, opener.open(esp, 0, esp.length));
        assertArrayEquals(INNER, Arrays.copyOfRange(esp, opener.innerOffset(),
                opener.innerOffset() + opener.innerLength()));
    }

    static Stream<Arguments> belowTheWrap() {
        return Stream.of(AES_GCM, CHACHA20).flatMap(suite -> keys(suite).flatMap(
                key -> Stream.of(1L, 0x8000_0000L, 0xFFFF_FFFFL).map(sequence -> Arguments.of(suite, key, sequence))));
    }

    @ParameterizedTest(name = "[{index}] {0} sequence {2}")
    @MethodSource("belowTheWrap")
    void esnChangesOnlyTheIcv(CryptoSuite suite, byte[] key, long sequence) throws Exception {
        byte[] with = reference(suite, key, true, sequence);
        byte[] without = reference(suite, key, false, sequence);
        int icv = with.length - 16;

        assertArrayEquals(Arrays.copyOf(with, icv), Arrays.copyOf(without, icv));
        assertFalse(Arrays.equals(with, icv, with.length, without, icv, without.length));
    }

    /** The ESP packet carrying {@link Suites#INNER} with this sequence number, built from the RFCs alone. */
    private static byte[] reference(CryptoSuite suite, byte[] keyMaterial, boolean esn, long sequence)
            throws GeneralSecurityException {
        int keyLength = keyMaterial.length - 4;
        byte[] nonce = ByteBuffer.allocate(12).put(keyMaterial, keyLength, 4).putLong(sequence).array();
        ByteBuffer aad = ByteBuffer.allocate(esn ? 12 : 8).putInt(EXAMPLE_SPI);
        if (esn) {
            aad.putInt((int) (sequence >>> 32));
        }
        aad.putInt((int) sequence);
        // RFC 4303 §2.4: padding 1, 2, 3... so that IV, payload, padding and trailer end on a 4-octet boundary.
        int padding = (4 - (8 + INNER.length + 2) % 4) % 4;
        ByteBuffer plain = ByteBuffer.allocate(INNER.length + padding + 2).put(INNER);
        for (int i = 1; i <= padding; i++) {
            plain.put((byte) i);
        }
        plain.put((byte) padding).put((byte) Esp.NEXT_HEADER_IPV6);

        boolean aes = suite == AES_GCM;
        Cipher cipher = Cipher.getInstance(aes ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305", "SunJCE");
        AlgorithmParameterSpec parameters = aes ? new GCMParameterSpec(128, nonce) : new IvParameterSpec(nonce);
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyMaterial, 0, keyLength, aes ? "AES" : "ChaCha20"),
                parameters);
        cipher.updateAAD(aad.array());
        byte[] sealed = cipher.doFinal(plain.array());

        return ByteBuffer.allocate(4 + 4 + 8 + sealed.length).putInt(EXAMPLE_SPI).putInt((int) sequence)
                .putLong(sequence).put(sealed).array();
    }
}
