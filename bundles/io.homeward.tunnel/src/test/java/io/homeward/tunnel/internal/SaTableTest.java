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
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.crypto.CryptoSuite;
import io.homeward.api.crypto.PacketAead;
import io.homeward.api.sa.DropReason;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.SecurityAssociationDatabase.Sending;
import io.homeward.testkit.RecordingLogger;

class SaTableTest {
    static final InetSocketAddress ENDPOINT = new InetSocketAddress("203.0.113.7", 4500);

    private final RecordingLogger log = new RecordingLogger();
    private final Map<String, CryptoSuite> installed = Map.of(AES_GCM.name(), AES_GCM, CHACHA20.name(), CHACHA20);
    private CryptoSuite preferred = CHACHA20;
    private final AtomicLong now = new AtomicLong();
    private RandomGenerator random = new SplittableRandom(7);
    private final SaTable table = new SaTable(installed::get, () -> preferred, now::get, () -> random.nextLong(),
            HoldLimits.DEFAULT, log.logger());

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

    private static SaSpec spec(Inet6Address peer, int inboundSpi) {
        return spec(peer, inboundSpi, "aes-gcm-16");
    }

    /** The inbound SPI of the pair the outbound path picks for the peer. */
    private int sendingSpi(Inet6Address peer) {
        return table.byPeer(addressAt(peer, 24), 24).inboundSpi();
    }

    private List<Integer> listedSpis() {
        return table.list().stream().map(SaStatus::inboundSpi).toList();
    }

    /** A random source that gives these ints, in order. */
    private static RandomGenerator scripted(int... values) {
        var next = IntStream.of(values).iterator();
        return () -> (long) next.nextInt() << 32;
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
        SaTable withCbc = new SaTable(name -> cbc, () -> cbc, () -> 0, random, HoldLimits.DEFAULT, log.logger());

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

    @Test
    void aPeerToldToHaveMovedIsNotFollowedBackToTheEndpointItLeftUntilThatSettles() {
        table.install(spec(ula(1), 0x1000));
        SecurityAssociation sa = table.byInboundSpi(0x1000);
        InetSocketAddress moved = new InetSocketAddress("198.51.100.9", 61000);
        InetSocketAddress rebound = new InetSocketAddress("198.51.100.9", 61001);

        table.moveEndpointAsTold(sa, moved);
        table.followPeer(sa, ENDPOINT);
        assertEquals(moved, sa.endpoint(), "a straggler from the endpoint it left");
        table.followPeer(sa, rebound);
        assertEquals(rebound, sa.endpoint(), "a packet from anywhere else is followed (NAT rebinding)");

        table.moveEndpointAsTold(sa, moved);
        now.addAndGet(SaTable.SETTLE_NANOS);
        table.followPeer(sa, rebound);
        assertEquals(rebound, sa.endpoint(), "once settled, back to where it sends from");
    }

    @Test
    void stragglersFromTheEndpointItLeftDoNotMoveAPeerBackWhileItIsHeardWhereItWasSaidToBe() {
        table.install(spec(ula(1), 0x1000));
        SecurityAssociation sa = table.byInboundSpi(0x1000);
        InetSocketAddress moved = new InetSocketAddress("198.51.100.9", 61000);

        // given the directory moved the peer and its packets come from there
        table.moveEndpointAsTold(sa, moved);
        now.addAndGet(SaTable.SETTLE_NANOS);
        table.followPeer(sa, moved);

        // when the old gateway still sends from the endpoint it left, past the settling time (3.1 s seen in the lab)
        now.addAndGet(OuterPath.QUIET_NANOS / 2);
        table.followPeer(sa, ENDPOINT);

        // then the peer stays where it was said to be
        assertEquals(moved, sa.endpoint(), "a straggler while the new endpoint is heard from");

        // and when the new endpoint falls quiet, packets from the old one are the peer moving back
        now.addAndGet(OuterPath.QUIET_NANOS);
        table.followPeer(sa, ENDPOINT);
        assertEquals(ENDPOINT, sa.endpoint(), "followed back once nothing came from where it was said to be");
    }

    @Test
    void aPeerMovedByItsPacketsAloneIsFollowedAnywhere() {
        table.install(spec(ula(1), 0x1000));
        SecurityAssociation sa = table.byInboundSpi(0x1000);
        InetSocketAddress moved = new InetSocketAddress("198.51.100.9", 61000);

        table.followPeer(sa, moved);
        table.followPeer(sa, ENDPOINT);

        assertEquals(ENDPOINT, sa.endpoint());
    }

    @Test
    void movesEveryPairOfAPeerByItsUlaKeepingTheirSequenceNumbers() {
        table.install(spec(ula(1), 0x1000));
        table.add(spec(ula(1), 0x1001), Sending.NOW);
        table.install(spec(ula(2), 0x2000));
        SecurityAssociation sending = table.byInboundSpi(0x1001);
        InetSocketAddress moved = new InetSocketAddress("198.51.100.9", 61000);

        assertTrue(table.moveEndpoint(ula(1), moved));

        assertEquals(moved, table.byInboundSpi(0x1000).endpoint());
        assertEquals(moved, table.byInboundSpi(0x1001).endpoint());
        assertEquals(ENDPOINT, table.byInboundSpi(0x2000).endpoint(), "another peer stays");
        assertSame(sending, table.byInboundSpi(0x1001), "the same SA, not a new one with new sequence numbers");
        assertFalse(table.moveEndpoint(ula(3), moved), "a peer without pairs");
    }

    @Test
    void addsAPairThatSendsAtOnceBesideTheOldOneWhichStillReceives() {
        table.install(spec(ula(1), 0x1000));
        table.add(spec(ula(1), 0x1001), Sending.NOW);

        assertEquals(0x1001, sendingSpi(ula(1)));
        assertEquals(ula(1), table.byInboundSpi(0x1000).peer());
        assertEquals(List.of(0x1001, 0x1000), listedSpis(), "the sending pair first");
        assertEquals(List.of(true, false), table.list().stream().map(SaStatus::sending).toList());
        assertTrue(log.has(LogLevel.INFO, "sending now"));
    }

    @Test
    void aPairAddedForAPeerWithoutPairsSendsAtOnceWhateverItWasTold() {
        table.add(spec(ula(1), 0x1000), Sending.AFTER_FIRST_INBOUND);

        assertEquals(0x1000, sendingSpi(ula(1)));
        assertFalse(table.byInboundSpi(0x1000).awaitingFirstInbound());
        assertEquals(List.of(true), table.list().stream().map(SaStatus::sending).toList());
    }

    @Test
    void aPairAddedAfterFirstInboundSendsOnceAPacketAuthenticatesOnIt() {
        table.install(spec(ula(1), 0x1000));
        table.add(spec(ula(1), 0x1001), Sending.AFTER_FIRST_INBOUND);
        SecurityAssociation added = table.byInboundSpi(0x1001);

        assertEquals(0x1000, sendingSpi(ula(1)), "the old pair goes on sending");
        assertTrue(added.awaitingFirstInbound());
        assertEquals(List.of(0x1000, 0x1001), listedSpis());

        table.firstInbound(added);

        assertEquals(0x1001, sendingSpi(ula(1)));
        assertFalse(added.awaitingFirstInbound());
        assertEquals(List.of(0x1001, 0x1000), listedSpis());
        assertTrue(log.has(LogLevel.INFO, "sends now: the peer uses it"));
    }

    @Test
    void anOlderPairNeverTakesTheSendingBackFromANewerOne() {
        table.install(spec(ula(1), 0x1000));
        table.add(spec(ula(1), 0x1001), Sending.AFTER_FIRST_INBOUND);
        table.add(spec(ula(1), 0x1002), Sending.NOW);

        table.firstInbound(table.byInboundSpi(0x1001));

        assertEquals(0x1002, sendingSpi(ula(1)));
    }

    @Test
    void aFirstInboundOnAPairRemovedMeanwhileChangesNothing() {
        table.install(spec(ula(1), 0x1000));
        table.add(spec(ula(1), 0x1001), Sending.AFTER_FIRST_INBOUND);
        SecurityAssociation added = table.byInboundSpi(0x1001);
        table.remove(ula(1), 0x1001);

        table.firstInbound(added);

        assertEquals(0x1000, sendingSpi(ula(1)));
        assertEquals(List.of(0x1000), listedSpis());
    }

    @Test
    void aFirstInboundRacingARemovalNeverLeavesThePeerSendingOnAPairItNoLongerHas() throws Exception {
        for (int round = 0; round < 200; round++) {
            table.install(spec(ula(1), 0x1000));
            table.add(spec(ula(1), 0x1001), Sending.AFTER_FIRST_INBOUND);
            SecurityAssociation added = table.byInboundSpi(0x1001);
            Thread inbound = new Thread(() -> table.firstInbound(added));

            inbound.start();
            table.remove(ula(1), round % 2 == 0 ? 0x1001 : 0x1000);
            inbound.join();

            SecurityAssociation sending = table.byPeer(ula(1));
            assertEquals(List.of(sending), table.pairs(ula(1)), "round " + round);
            assertSame(sending, table.byPeer(addressAt(ula(1), 0), 0));
        }
    }

    @Test
    void aWaitingPairSendsWhenTheSendingPairIsRemoved() {
        table.install(spec(ula(1), 0x1000));
        table.add(spec(ula(1), 0x1001), Sending.AFTER_FIRST_INBOUND);

        assertTrue(table.remove(ula(1), 0x1000));

        assertEquals(0x1001, sendingSpi(ula(1)));
        assertEquals(List.of(0x1001), listedSpis());
        assertTrue(log.has(LogLevel.INFO, "the newest remaining pair sends now"));
    }

    @Test
    void removingTheSendingPairHandsOverToTheNewestRemainingOne() {
        table.install(spec(ula(1), 0x1000));
        table.add(spec(ula(1), 0x1001), Sending.AFTER_FIRST_INBOUND);
        table.add(spec(ula(1), 0x1002), Sending.AFTER_FIRST_INBOUND);

        table.remove(ula(1), 0x1000);
        assertEquals(0x1002, sendingSpi(ula(1)));
        table.remove(ula(1), 0x1002);
        assertEquals(0x1001, sendingSpi(ula(1)));
    }

    @Test
    void removesOnePairByItsInboundSpiAndThePeerWithItsLast() {
        table.install(spec(ula(1), 0x1000));
        table.add(spec(ula(1), 0x1001), Sending.NOW);
        table.install(spec(ula(2), 0x2000));

        assertFalse(table.remove(ula(1), 0x2000), "another peer's pair");
        assertFalse(table.remove(ula(3), 0x1000), "a peer without pairs");
        assertTrue(table.remove(ula(1), 0x1000), "a pair that does not send");
        assertNull(table.byInboundSpi(0x1000));
        assertEquals(0x1001, sendingSpi(ula(1)));
        assertFalse(table.remove(ula(1), 0x1000), "gone already");

        assertTrue(table.remove(ula(1), 0x1001));
        assertNull(table.byPeer(ula(1)));
        assertNull(table.byPeer(addressAt(ula(1), 0), 0));
        assertEquals(List.of(0x2000), listedSpis());
    }

    @Test
    void removingAPeerRemovesEveryPairWithIt() {
        table.install(spec(ula(1), 0x1000));
        table.add(spec(ula(1), 0x1001), Sending.AFTER_FIRST_INBOUND);

        assertTrue(table.remove(ula(1)));

        assertNull(table.byInboundSpi(0x1000));
        assertNull(table.byInboundSpi(0x1001));
        assertTrue(table.list().isEmpty());
        assertTrue(log.has(LogLevel.INFO, "removed the 2 ESP SA pairs"));
    }

    @Test
    void installReplacesEveryPairWithThePeerAndMayReuseTheirSpis() {
        table.install(spec(ula(1), 0x1000));
        table.add(spec(ula(1), 0x1001), Sending.NOW);
        table.install(spec(ula(2), 0x2000));

        table.install(spec(ula(1), 0x1001, "chacha20-poly1305"));

        assertNull(table.byInboundSpi(0x1000));
        assertEquals("chacha20-poly1305", table.byInboundSpi(0x1001).suite());
        assertEquals(List.of(0x1001), table.pairs(ula(1)).stream().map(SecurityAssociation::inboundSpi).toList());
        assertEquals(0x2000, sendingSpi(ula(2)), "other peers keep theirs");
        assertTrue(log.has(LogLevel.INFO, "replaced ESP SA pairs"));
    }

    @Test
    void refusesToAddAPairWithAnInboundSpiAnyPairUses() {
        table.install(spec(ula(1), 0x1000));
        table.install(spec(ula(2), 0x2000));

        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> table.add(spec(ula(1), 0x1000), Sending.NOW));
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> table.add(spec(ula(1), 0x2000), Sending.NOW));

        assertTrue(same.getMessage().contains("inbound SPI 1000 is already used"), same.getMessage());
        assertTrue(other.getMessage().contains("already used by an SA pair with " + ula(2).getHostAddress()),
                other.getMessage());
        assertEquals(2, table.list().size());
        assertEquals(0x1000, sendingSpi(ula(1)));
    }

    @Test
    void refusesAddsBeyondTheBoundOfPairsPerPeer() {
        table.install(spec(ula(1), 0x1000));
        for (int i = 1; i < SaTable.MAX_PAIRS_PER_PEER; i++) {
            table.add(spec(ula(1), 0x1000 + i), Sending.AFTER_FIRST_INBOUND);
        }

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> table.add(spec(ula(1), 0x1100), Sending.NOW));

        assertTrue(e.getMessage().contains("already has " + SaTable.MAX_PAIRS_PER_PEER + " SA pairs"), e.getMessage());
        assertNull(table.byInboundSpi(0x1100));
    }

    @Test
    void aPairAddedBesideOthersSharesTheirEndpointUnlessItNamesAnother() {
        table.install(spec(ula(1), 0x1000));
        InetSocketAddress moved = new InetSocketAddress("198.51.100.9", 61000);
        table.moveEndpoint(table.byInboundSpi(0x1000), moved);
        table.add(spec(ula(1), 0x1001).withPeerEndpoint(null), Sending.NOW);
        assertEquals(List.of(moved, moved), table.list().stream().map(SaStatus::endpoint).toList());

        table.add(spec(ula(1), 0x1002), Sending.NOW);

        assertEquals(List.of(ENDPOINT, ENDPOINT, ENDPOINT), table.list().stream().map(SaStatus::endpoint).toList());
    }

    @Test
    void anEndpointMoveMovesEveryPairWithThePeer() {
        table.install(spec(ula(1), 0x1000));
        table.add(spec(ula(1), 0x1001), Sending.AFTER_FIRST_INBOUND);
        table.install(spec(ula(2), 0x2000));
        InetSocketAddress moved = new InetSocketAddress("198.51.100.9", 61000);

        table.moveEndpoint(table.byInboundSpi(0x1001), moved);

        assertEquals(moved, table.byInboundSpi(0x1000).endpoint());
        assertEquals(moved, table.byInboundSpi(0x1001).endpoint());
        assertEquals(ENDPOINT, table.byInboundSpi(0x2000).endpoint());
    }

    @Test
    void eachPairKeysItsOwnReplayWindow() {
        SaSpec small = spec(ula(1), 0x1000);
        table.install(new SaSpec(small.peer(), small.inboundSpi(), small.outboundSpi(), small.suite(),
                small.inboundKey(), small.outboundKey(), small.peerEndpoint(), true, 64));
        table.add(spec(ula(1), 0x1001), Sending.NOW);

        assertEquals(64, table.byInboundSpi(0x1000).opener().replayWindow());
        assertEquals(SaSpec.MAX_REPLAY_WINDOW, table.byInboundSpi(0x1001).opener().replayWindow());
    }

    @Test
    void reservedSpisAreRandomUnusedAndNeverReservedByRfcOrLikeStun() {
        table.install(spec(ula(1), 0x1000));
        random = scripted(0, 255, 0x0101_2345, 0x1000, 0x7777_0001, 0x7777_0001, 0x0102_0000);

        assertEquals(0x7777_0001, table.reserveSpi());
        assertEquals(0x0102_0000, table.reserveSpi(), "skips the reserved one");
        assertEquals(2, table.reservedSpis());
    }

    @Test
    void installingOrAddingAPairWithAReservedSpiConsumesTheReservationAndReleaseGivesItBack() {
        int installed = table.reserveSpi();
        int added = table.reserveSpi();
        int abandoned = table.reserveSpi();
        assertEquals(3, Set.of(installed, added, abandoned).size());

        table.install(spec(ula(1), installed));
        table.add(spec(ula(1), added), Sending.NOW);
        assertEquals(1, table.reservedSpis());
        table.releaseSpi(abandoned);
        table.releaseSpi(0x4242);

        assertEquals(0, table.reservedSpis());
    }

    @Test
    void refusesReservationsBeyondTheBoundUntilOldOnesExpire() {
        for (int i = 0; i < SpiReservations.MAX_RESERVED; i++) {
            table.reserveSpi();
        }
        now.addAndGet(TimeUnit.MINUTES.toNanos(5) - 1);

        IllegalStateException full = assertThrows(IllegalStateException.class, table::reserveSpi);
        assertTrue(full.getMessage().contains(SpiReservations.MAX_RESERVED + " inbound SPIs are reserved"),
                full.getMessage());

        now.incrementAndGet();
        table.reserveSpi();
        assertEquals(1, table.reservedSpis(), "the expired reservations are gone");
    }

    @Test
    void aRandomSourceGivingOnlyTakenSpisEndsInAClearError() {
        random = () -> 7L << 32;

        IllegalStateException e = assertThrows(IllegalStateException.class, table::reserveSpi);

        assertTrue(e.getMessage().contains("no free inbound SPI"), e.getMessage());
        assertEquals(0, table.reservedSpis());
    }
}
