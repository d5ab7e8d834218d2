package io.homeward.tunnel.internal;

import static io.homeward.tunnel.internal.Suites.AES_GCM;
import static io.homeward.tunnel.internal.Suites.CHACHA20;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.crypto.PacketAead;
import io.homeward.api.sa.DropReason;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SaStatus;
import io.homeward.testkit.RecordingLogger;

class SaTableTest {
    static final InetSocketAddress ENDPOINT = new InetSocketAddress("203.0.113.7", 4500);

    private final RecordingLogger log = new RecordingLogger();
    private final Map<String, CryptoSuite> installed = Map.of(AES_GCM.name(), AES_GCM, CHACHA20.name(), CHACHA20);
    private CryptoSuite preferred = CHACHA20;
    private final SaTable table = new SaTable(installed::get, () -> preferred, () -> 0, log.logger());

    static Inet6Address ula(int last) {
        try {
            String text = "fd77:1e08:2f6c:d913:226:bbff:fe12:" + Integer.toHexString(last);
            return (Inet6Address) InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static SaSpec spec(Inet6Address peer, int inboundSpi, String suite) {
        CryptoSuite keyed = AES_GCM.name().equals(suite) ? AES_GCM : CHACHA20;
        return new SaSpec(peer, inboundSpi, 0x5000_0000 | inboundSpi, suite, Suites.key(keyed, 1),
                Suites.key(keyed, 2), ENDPOINT);
    }

    private static byte[] addressAt(Inet6Address address, int offset) {
        byte[] buf = new byte[offset + 16];
        System.arraycopy(address.getAddress(), 0, buf, offset, 16);
        return buf;
    }

    @Test
    void installsAndFindsAnSaByInboundSpiAndByPeerBytes() {
        table.install(spec(ula(1), 0x1000, "aes-gcm-16"));
        table.install(spec(ula(2), 0x2000, "aes-gcm-16"));

        SecurityAssociation sa = table.byInboundSpi(0x2000);
        assertEquals(ula(2), sa.peer());
        assertEquals(0x5000_2000, sa.outboundSpi());
        assertSame(sa, table.byPeer(addressAt(ula(2), 24), 24));
        assertNull(table.byInboundSpi(0x3000));
        assertNull(table.byPeer(addressAt(ula(3), 0), 0));
        assertTrue(log.has(LogLevel.INFO, "installed ESP SA pair"));
    }

    @Test
    void findsEveryOneOfManySas() {
        for (int i = 1; i <= 300; i++) {
            table.install(spec(ula(i), 0x10_0000 + i, "aes-gcm-16"));
        }
        for (int i = 1; i <= 300; i++) {
            assertEquals(ula(i), table.byInboundSpi(0x10_0000 + i).peer());
            assertEquals(0x10_0000 + i, table.byPeer(addressAt(ula(i), 8), 8).inboundSpi());
        }
        assertEquals(300, table.list().size());
    }

    @Test
    void replacingAPeersSaDropsItsOldSpi() {
        table.install(spec(ula(1), 0x1000, "aes-gcm-16"));
        table.install(spec(ula(1), 0x1001, "chacha20-poly1305"));

        assertNull(table.byInboundSpi(0x1000));
        assertEquals("chacha20-poly1305", table.byInboundSpi(0x1001).suite());
        assertEquals(1, table.list().size());
        assertTrue(log.has(LogLevel.INFO, "replaced ESP SA pair"));
    }

    @Test
    void anEmptySuiteNameMeansThePreferredSuite() {
        table.install(spec(ula(1), 0x1000, ""));
        table.install(spec(ula(2), 0x2000, null));

        assertEquals("chacha20-poly1305", table.byInboundSpi(0x1000).suite());
        assertEquals("chacha20-poly1305", table.byInboundSpi(0x2000).suite());
    }

    @Test
    void listsWhatEachPairHasDone() {
        table.install(spec(ula(1), 0x1000, "aes-gcm-16"));
        SecurityAssociation sa = table.byInboundSpi(0x1000);
        sa.sent(100, 5);
        sa.received(60);
        sa.dropped(DropReason.REPLAY);

        SaStatus status = table.list().get(0);
        assertEquals(ula(1), status.peer());
        assertEquals(0x1000, status.inboundSpi());
        assertEquals(ENDPOINT, status.endpoint());
        assertEquals(List.of(1L, 100L, 1L, 60L), List.of(status.packetsOut(), status.bytesOut(), status.packetsIn(),
                status.bytesIn()));
        assertEquals(1, status.drops().get(DropReason.REPLAY));
        assertEquals(0, status.drops().get(DropReason.BAD_ICV));
    }

    @Test
    void removesAPeer() {
        table.install(spec(ula(1), 0x1000, "aes-gcm-16"));

        assertTrue(table.remove(ula(1)));
        assertFalse(table.remove(ula(1)));
        assertNull(table.byInboundSpi(0x1000));
        assertTrue(table.list().isEmpty());
    }

    @Test
    void refusesReservedSpis() {
        for (int spi : new int[] {0, 1, 255}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> table.install(spec(ula(1), spi, "aes-gcm-16")));
            assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        }
        SaSpec badOutbound = new SaSpec(ula(1), 0x1000, 7, "aes-gcm-16", Suites.key(AES_GCM, 1),
                Suites.key(AES_GCM, 2), ENDPOINT);
        assertThrows(IllegalArgumentException.class, () -> table.install(badOutbound));
        table.install(spec(ula(1), 256, "aes-gcm-16"));
        table.install(spec(ula(2), 0xFFFF_FFFF, "aes-gcm-16"));
    }

    @Test
    void refusesInboundSpisThatLookLikeAStunSuccessResponse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.install(spec(ula(1), 0x0101_2345, "aes-gcm-16")));
        assertTrue(e.getMessage().contains("STUN"), e.getMessage());
        table.install(spec(ula(1), 0x0102_2345, "aes-gcm-16"));
    }

    @Test
    void refusesAnInboundSpiAnotherPeerUses() {
        table.install(spec(ula(1), 0x1000, "aes-gcm-16"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.install(spec(ula(2), 0x1000, "aes-gcm-16")));
        assertTrue(e.getMessage().contains("already used"), e.getMessage());
        assertEquals(ula(1), table.byInboundSpi(0x1000).peer());
        assertEquals(1, table.list().size());
    }

    @Test
    void refusesAMissingSuiteOrBadKeyAndKeepsTheOldPair() {
        table.install(spec(ula(1), 0x1000, "aes-gcm-16"));

        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> table.install(spec(ula(1), 0x1001, "3des")));
        assertTrue(missing.getMessage().contains("3des is not installed"), missing.getMessage());
        preferred = null;
        assertThrows(IllegalArgumentException.class, () -> table.install(spec(ula(1), 0x1001, "")));
        SaSpec shortKey = new SaSpec(ula(1), 0x1001, 0x2001, "aes-gcm-16", new byte[5], new byte[5], ENDPOINT);
        IllegalArgumentException badKey = assertThrows(IllegalArgumentException.class, () -> table.install(shortKey));
        assertTrue(badKey.getMessage().contains("cannot key aes-gcm-16"), badKey.getMessage());

        assertEquals(0x1000, table.list().get(0).inboundSpi());
    }

    @Test
    void refusesASuiteWhoseIvIsNotTheSequenceNumber() {
        CryptoSuite cbc = new CryptoSuite() {
            @Override
            public String name() {
                return "aes-cbc";
            }

            @Override
            public int transformId() {
                return 12;
            }

            @Override
            public Set<Integer> keySizes() {
                return Set.of(128);
            }

            @Override
            public int saltLength() {
                return 0;
            }

            @Override
            public int ivLength() {
                return 16;
            }

            @Override
            public int icvLength() {
                return 16;
            }

            @Override
            public PacketAead newAead(byte[] keyMaterial) {
                throw new AssertionError("never keyed");
            }
        };
        SaTable withCbc = new SaTable(name -> cbc, () -> cbc, () -> 0, log.logger());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withCbc.install(spec(ula(1), 0x1000, "aes-cbc")));
        assertTrue(e.getMessage().contains("16-octet IV"), e.getMessage());
    }

    @Test
    void tellsListenersWhenAnEndpointMovesAndSurvivesAFailingOne() {
        table.install(spec(ula(1), 0x1000, "aes-gcm-16"));
        List<String> moves = new ArrayList<>();
        table.addEndpointListener((peer, from, to) -> {
            throw new IllegalStateException("broken listener");
        });
        EndpointListener recorder = (peer, from, to) -> moves.add(peer.getHostAddress() + " " + from + " -> " + to);
        table.addEndpointListener(recorder);
        InetSocketAddress moved = new InetSocketAddress("198.51.100.9", 61000);

        table.moveEndpoint(table.byInboundSpi(0x1000), moved);

        assertEquals(moved, table.byInboundSpi(0x1000).endpoint());
        assertEquals(List.of(ula(1).getHostAddress() + " " + ENDPOINT + " -> " + moved), moves);
        assertTrue(log.has(LogLevel.ERROR, "endpoint listener failed"));
        table.removeEndpointListener(recorder);
        table.moveEndpoint(table.byInboundSpi(0x1000), ENDPOINT);
        assertEquals(1, moves.size());
    }
}
