package io.homeward.tunnel.internal;

import static io.homeward.tunnel.internal.Suites.AES_GCM;
import static io.homeward.tunnel.internal.Suites.CHACHA20;
import static io.homeward.tunnel.internal.Suites.INNER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.sa.DropReason;
import io.homeward.api.sa.SaSpec;
import io.homeward.testkit.RecordingLogger;

/** Host A sends the worked example's inner packet to host B through A's outbound path and B's inbound path. */
class DataPathTest {
    private static final Inet6Address ULA_A = address("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c");
    private static final Inet6Address ULA_B = address("fd77:1e08:2f6c:d913:226:bbff:fe12:3456");
    private static final InetSocketAddress OUTER_A = new InetSocketAddress("198.51.100.20", 4500);
    private static final InetSocketAddress OUTER_B = new InetSocketAddress("203.0.113.7", 4500);
    private static final InetSocketAddress ELSEWHERE = new InetSocketAddress("192.0.2.99", 33000);
    private static final int SPI_TO_A = 0xA000_0001;
    private static final int SPI_TO_B = 0xB000_0001;

    private final Map<String, CryptoSuite> suites = Map.of(AES_GCM.name(), AES_GCM, CHACHA20.name(), CHACHA20);
    private final SaTable tableA = new SaTable(suites::get, () -> AES_GCM, () -> 0, new SplittableRandom(1),
            HoldLimits.DEFAULT, new RecordingLogger().logger());
    private final SaTable tableB = new SaTable(suites::get, () -> AES_GCM, () -> 0, new SplittableRandom(2),
            HoldLimits.DEFAULT, new RecordingLogger().logger());
    private final List<byte[]> wire = new ArrayList<>();
    private final List<InetSocketAddress> wireTo = new ArrayList<>();
    private final List<byte[]> delivered = new ArrayList<>();
    private final List<String> moves = new ArrayList<>();
    private final OutboundPath outA = new OutboundPath(tableA, (buf, off, len, to) -> {
        wire.add(Arrays.copyOfRange(buf, off, off + len));
        wireTo.add(to);
    }, () -> 42);
    private final InboundPath inB = new InboundPath(tableB,
            (buf, off, len) -> delivered.add(Arrays.copyOfRange(buf, off, off + len)), ULA_B);

    private static Inet6Address address(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private void pair(String suite, InetSocketAddress endpointOfB) {
        pair(suite, endpointOfB, true, true);
    }

    private void pair(String suite, InetSocketAddress endpointOfB, boolean esnAtA, boolean esnAtB) {
        CryptoSuite keyed = suites.get(suite);
        byte[] aToB = Suites.key(keyed, 0x11);
        byte[] bToA = Suites.key(keyed, 0x22);
        tableA.install(new SaSpec(ULA_B, SPI_TO_A, SPI_TO_B, suite, bToA, aToB, endpointOfB, esnAtA));
        tableB.install(new SaSpec(ULA_A, SPI_TO_B, SPI_TO_A, suite, aToB, bToA, OUTER_A, esnAtB));
        tableB.addEndpointListener((peer, from, to) -> moves.add(from + " -> " + to));
    }

    private SecurityAssociation saAtB() {
        return tableB.byInboundSpi(SPI_TO_B);
    }

    private byte[] sendOne(byte[] inner) throws Exception {
        byte[] framed = new byte[inner.length + 30];
        System.arraycopy(inner, 0, framed, 10, inner.length);
        outA.send(framed, 10, inner.length);
        return wire.get(wire.size() - 1);
    }

    private void receive(byte[] esp, InetSocketAddress from) throws Exception {
        byte[] framed = new byte[esp.length + 50];
        System.arraycopy(esp, 0, framed, 28, esp.length);
        inB.receive(framed, 28, esp.length, from);
    }

    @ParameterizedTest
    @ValueSource(strings = {"aes-gcm-16", "chacha20-poly1305"})
    void anInnerPacketCrossesTheTunnelUnchanged(String suite) throws Exception {
        pair(suite, OUTER_B);

        byte[] esp = sendOne(INNER);
        receive(esp, OUTER_A);

        assertEquals(OUTER_B, wireTo.get(0));
        assertEquals(8 + 8 + 52 + 2 + 2 + 16, esp.length);
        assertEquals(SPI_TO_B, Bytes.getInt(esp, 0));
        assertEquals(1, Bytes.getInt(esp, 4));
        assertEquals(1, delivered.size());
        assertArrayEquals(INNER, delivered.get(0));
        SecurityAssociation a = tableA.byInboundSpi(SPI_TO_A);
        assertEquals(List.of(1L, 52L, 42L), List.of(a.status(true).packetsOut(), a.status(true).bytesOut(), a.lastSentNanos()));
        assertEquals(List.of(1L, 52L), List.of(saAtB().status(true).packetsIn(), saAtB().status(true).bytesIn()));
        assertTrue(moves.isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"aes-gcm-16, true", "aes-gcm-16, false", "chacha20-poly1305, true", "chacha20-poly1305, false"})
    void twoSasAgreeingOnEsnTalkWithOrWithoutIt(String suite, boolean esn) throws Exception {
        pair(suite, OUTER_B, esn, esn);

        for (int i = 1; i <= 3; i++) {
            byte[] esp = sendOne(INNER);
            assertEquals(i, Bytes.getInt(esp, 4), "the low 32 bits of the sequence number on the wire");
            assertEquals(i, Bytes.getLong(esp, 8), "the 64-bit sequence number as IV");
            receive(esp, OUTER_A);
        }

        assertEquals(3, delivered.size());
        assertEquals(List.of(esn, esn), List.of(tableA.list().get(0).esn(), tableB.list().get(0).esn()));
        assertEquals(3, saAtB().status(true).packetsIn());
        assertEquals(0L, saAtB().status(true).drops().values().stream().mapToLong(Long::longValue).sum());
    }

    @ParameterizedTest
    @CsvSource({"aes-gcm-16, true, false", "aes-gcm-16, false, true", "chacha20-poly1305, true, false",
            "chacha20-poly1305, false, true"})
    void sasDisagreeingOnEsnFailTheIcvAndCountIt(String suite, boolean esnAtA, boolean esnAtB) throws Exception {
        pair(suite, OUTER_B, esnAtA, esnAtB);

        receive(sendOne(INNER), OUTER_A);
        receive(sendOne(INNER), OUTER_A);

        assertTrue(delivered.isEmpty());
        assertEquals(2, saAtB().drops(DropReason.BAD_ICV));
        assertEquals(0, saAtB().opener().highestSequence(), "a packet that failed the ICV does not move the window");
    }

    @Test
    void packetsWithoutSaOrEndpointOrNotIpv6AreCountedAndDropped() throws Exception {
        pair("aes-gcm-16", null);
        outA.send(INNER, 0, INNER.length);
        byte[] toStranger = INNER.clone();
        toStranger[39] ^= 1;
        outA.send(toStranger, 0, toStranger.length);
        byte[] ipv4 = INNER.clone();
        ipv4[0] = 0x45;
        outA.send(ipv4, 0, ipv4.length);
        outA.send(INNER, 0, 39);
        outA.send(new byte[70_000], 0, 70_000);

        assertTrue(wire.isEmpty());
        assertEquals(1, tableA.byPeer(ULA_B).drops(DropReason.NO_ENDPOINT));
        assertEquals(List.of(1L, 3L), List.of(tableA.drops().of(TunnelDrops.Reason.NO_SA),
                tableA.drops().of(TunnelDrops.Reason.NOT_IPV6)));
    }

    @Test
    void aReplayedPacketIsDroppedAsReplay() throws Exception {
        pair("aes-gcm-16", OUTER_B);
        byte[] esp = sendOne(INNER);
        receive(esp, OUTER_A);
        receive(esp, OUTER_A);

        assertEquals(1, delivered.size());
        assertEquals(1, saAtB().drops(DropReason.REPLAY));
    }

    @Test
    void tamperedCiphertextOrIcvIsDroppedAsBadIcv() throws Exception {
        pair("chacha20-poly1305", OUTER_B);
        byte[] esp = sendOne(INNER);
        byte[] badCiphertext = esp.clone();
        badCiphertext[30] ^= 0x40;
        byte[] badIcv = esp.clone();
        badIcv[esp.length - 3] ^= 0x01;
        receive(badCiphertext, OUTER_A);
        receive(badIcv, OUTER_A);

        assertTrue(delivered.isEmpty());
        assertEquals(2, saAtB().drops(DropReason.BAD_ICV));
        receive(esp, OUTER_A);
        assertEquals(1, delivered.size(), "the forgeries did not use up the genuine packet's sequence number");
    }

    @Test
    void anUnknownSpiIsCountedTableWideAndARuntOnThePath() throws Exception {
        pair("aes-gcm-16", OUTER_B);
        byte[] esp = sendOne(INNER);
        esp[2] ^= 1;
        receive(esp, OUTER_A);
        receive(new byte[7], OUTER_A);

        assertTrue(delivered.isEmpty());
        assertEquals(1, tableB.drops().of(TunnelDrops.Reason.UNKNOWN_SPI));
        assertEquals(1, tableB.drops().of(TunnelDrops.Reason.RUNT));
    }

    @Test
    void anInnerPacketFromAnotherSourceIsDroppedAsWrongInnerSource() throws Exception {
        pair("aes-gcm-16", OUTER_B);
        byte[] spoofed = INNER.clone();
        spoofed[23] ^= 1;
        receive(sendOne(spoofed), ELSEWHERE);

        assertTrue(delivered.isEmpty());
        assertEquals(1, saAtB().drops(DropReason.WRONG_INNER_SOURCE));
        assertEquals(OUTER_A, saAtB().endpoint(), "a packet that fails the inner checks does not move the peer");
    }

    @Test
    void anInnerPacketForAnotherHostOrTruncatedIsDroppedAndCounted() throws Exception {
        pair("aes-gcm-16", OUTER_B);
        InboundPath notForB = new InboundPath(tableB, (buf, off, len) -> delivered.add(buf), ULA_A);
        byte[] esp = sendOne(INNER);
        notForB.receive(esp, 0, esp.length, OUTER_A);
        byte[] claimsMore = INNER.clone();
        claimsMore[5] = 13;
        receive(sendOne(claimsMore), OUTER_A);

        assertTrue(delivered.isEmpty());
        assertEquals(1, saAtB().drops(DropReason.WRONG_INNER_DESTINATION));
        assertEquals(1, saAtB().drops(DropReason.MALFORMED));
    }

    @Test
    void trailingPaddingAfterTheInnerPacketIsCutOff() throws Exception {
        pair("aes-gcm-16", OUTER_B);
        byte[] padded = Arrays.copyOf(INNER, INNER.length + 9);
        receive(sendOne(padded), OUTER_A);

        assertArrayEquals(INNER, delivered.get(0));
    }

    @Test
    void anAuthenticPacketFromANewAddressMovesTheEndpoint() throws Exception {
        pair("aes-gcm-16", OUTER_B);
        receive(sendOne(INNER), ELSEWHERE);

        assertEquals(ELSEWHERE, saAtB().endpoint());
        assertEquals(List.of(OUTER_A + " -> " + ELSEWHERE), moves);
        receive(sendOne(INNER), ELSEWHERE);
        assertEquals(1, moves.size(), "no event when the endpoint stays");
    }

    @Test
    void forgedOrReplayedPacketsFromANewAddressDoNotMoveTheEndpoint() throws Exception {
        pair("aes-gcm-16", OUTER_B);
        byte[] esp = sendOne(INNER);
        byte[] forged = esp.clone();
        forged[40] ^= 1;
        receive(forged, ELSEWHERE);
        receive(esp, OUTER_A);
        receive(esp, ELSEWHERE);

        assertEquals(OUTER_A, saAtB().endpoint());
        assertTrue(moves.isEmpty());
        assertEquals(1, saAtB().drops(DropReason.BAD_ICV));
        assertEquals(1, saAtB().drops(DropReason.REPLAY));
    }

    @Test
    void anAuthenticDummyPacketIsDiscardedSilently() throws Exception {
        pair("aes-gcm-16", OUTER_B);
        EspSealer sealer = tableA.byInboundSpi(SPI_TO_A).sealer();
        byte[] dummy = new byte[100];
        int length = sealer.seal(Esp.NEXT_HEADER_NONE, new byte[20], 0, 20, dummy, 0);
        receive(Arrays.copyOf(dummy, length), ELSEWHERE);

        assertTrue(delivered.isEmpty());
        assertEquals(0, saAtB().drops(DropReason.MALFORMED));
        assertEquals(ELSEWHERE, saAtB().endpoint(), "a dummy packet authenticates the peer's new address too");
    }
}
