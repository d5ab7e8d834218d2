package io.homeward.tunnel.internal;

import static io.homeward.tunnel.internal.Suites.AES_GCM;
import static io.homeward.tunnel.internal.Suites.CHACHA20;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.sa.SaSpec;
import io.homeward.testkit.RecordingLogger;

/**
 * ESP datagrams for a real SA reach host B's inbound path (RFC 4303 §3.4): either raw bytes behind the SA's SPI,
 * which must fail before decryption, or a payload of the fuzzer's choosing sealed with the SA's key, so that the
 * checks after authentication (padding, Next Header, the inner IPv6 header and addresses) see anything. The path
 * never throws, and what it delivers is an IPv6 packet from the peer's ULA to this host's, cut to its length.
 */
class InboundPathFuzzTest {
    private static final Inet6Address ULA_A = address("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c");
    private static final Inet6Address ULA_B = address("fd77:1e08:2f6c:d913:226:bbff:fe12:3456");
    private static final InetSocketAddress OUTER_A = new InetSocketAddress("198.51.100.20", 4500);
    private static final InetSocketAddress ELSEWHERE = new InetSocketAddress("192.0.2.99", 33000);
    private static final int SPI_TO_A = 0xA000_0001;
    private static final int SPI_TO_B = 0xB000_0001;
    private static final int ICV = 16;
    private static final Map<String, CryptoSuite> SUITES = Map.of(AES_GCM.name(), AES_GCM, CHACHA20.name(), CHACHA20);

    @FuzzTest(maxDuration = "10s")
    void anEspPacketIsDeliveredIntactOrDropped(FuzzedDataProvider data) throws Exception {
        CryptoSuite suite = data.consumeBoolean() ? AES_GCM : CHACHA20;
        boolean esn = data.consumeBoolean();
        boolean sealed = data.consumeBoolean();
        InetSocketAddress from = data.consumeBoolean() ? OUTER_A : ELSEWHERE;
        int sequence = data.consumeInt();
        long iv = data.consumeLong();
        byte[] payload = data.consumeRemainingAsBytes();

        byte[] aToB = Suites.key(suite, 0x11);
        SaTable table = new SaTable(SUITES::get, () -> AES_GCM, () -> 0, new SplittableRandom(1),
                HoldLimits.DEFAULT, new RecordingLogger().logger());
        table.install(new SaSpec(ULA_A, SPI_TO_B, SPI_TO_A, suite.name(), aToB, Suites.key(suite, 0x22), OUTER_A,
                esn));
        InboundPath path = new InboundPath(table, InboundPathFuzzTest::checkDelivered, ULA_B);

        byte[] esp = sealed ? seal(suite, aToB, esn, sequence, iv, payload) : raw(sequence, payload);
        for (int copy = 0; copy < 2; copy++) { // the second copy is a replay
            byte[] framed = new byte[esp.length + 9];
            System.arraycopy(esp, 0, framed, 5, esp.length);
            path.receive(framed, 5, esp.length, from);
            assertArrayEquals(Arrays.copyOf(esp, Esp.HEADER), Arrays.copyOfRange(framed, 5, 5 + Esp.HEADER),
                    "the ESP header is left alone");
        }
    }

    private static void checkDelivered(byte[] buf, int offset, int length) {
        assertTrue(length >= Esp.IPV6_HEADER);
        assertTrue(offset >= 0 && offset + length <= buf.length);
        assertEquals(6, (buf[offset] & 0xFF) >>> 4);
        assertEquals(length - Esp.IPV6_HEADER, (buf[offset + 4] & 0xFF) << 8 | buf[offset + 5] & 0xFF);
        assertArrayEquals(ULA_A.getAddress(), Arrays.copyOfRange(buf, offset + 8, offset + 24));
        assertArrayEquals(ULA_B.getAddress(), Arrays.copyOfRange(buf, offset + 24, offset + 40));
    }

    private static byte[] raw(int sequence, byte[] rest) {
        byte[] esp = new byte[Esp.HEADER + rest.length];
        Bytes.putInt(esp, 0, SPI_TO_B);
        Bytes.putInt(esp, 4, sequence);
        System.arraycopy(rest, 0, esp, Esp.HEADER, rest.length);
        return esp;
    }

    /** The payload, trailer and all, sealed as the peer would: SPI, sequence number, IV, ciphertext and ICV. */
    private static byte[] seal(CryptoSuite suite, byte[] key, boolean esn, int sequence, long iv, byte[] plain)
            throws GeneralSecurityException {
        byte[] esp = new byte[Esp.HEADER + EspSealer.IV_LENGTH + plain.length + ICV];
        Bytes.putInt(esp, 0, SPI_TO_B);
        Bytes.putInt(esp, 4, sequence);
        Bytes.putLong(esp, Esp.HEADER, iv);
        int at = Esp.HEADER + EspSealer.IV_LENGTH;
        System.arraycopy(plain, 0, esp, at, plain.length);
        byte[] aad = new byte[12];
        int aadLength = EspAad.fill(aad, SPI_TO_B, sequence & 0xFFFF_FFFFL, esn);
        int sealedLength = Suites.aead(suite, key).seal(iv, aad, aadLength, esp, at, plain.length, esp, at);
        return Arrays.copyOf(esp, at + sealedLength);
    }

    private static Inet6Address address(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
