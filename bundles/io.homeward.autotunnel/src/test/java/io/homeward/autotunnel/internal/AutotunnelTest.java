package io.homeward.autotunnel.internal;

import static io.homeward.autotunnel.internal.FakeSaDatabase.pair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.api.peers.Peer;
import io.homeward.kit.schedule.Scheduler;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class AutotunnelTest {
    static final Inet6Address HOME = ula("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c");
    static final Inet6Address NAS = ula("fd3c:9a51:e27d:b44::2");
    static final InetSocketAddress HOME_AT = new InetSocketAddress("11.0.0.2", 4500);

    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingLogger log = new RecordingLogger();
    private final FakeSaDatabase database = new FakeSaDatabase();
    private final FakeKeying keying = new FakeKeying();

    static Inet6Address ula(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Peer peer(String host, Inet6Address ula, Optional<InetSocketAddress> endpoint) {
        return new Peer(host, ula, endpoint, MutableClock.DEFAULT_START, "dns-push");
    }

    static KeyingStatus up(Inet6Address peer, String host) {
        return new KeyingStatus(peer, host, KeyingState.UP, MutableClock.DEFAULT_START, Optional.of(HOME_AT),
                Optional.empty(), true, "");
    }

    private Autotunnel started(KeyingMode mode, long idleSeconds, String... eagerHosts) {
        return started(scheduler, mode, idleSeconds, eagerHosts);
    }

    private Autotunnel started(Scheduler on, KeyingMode mode, long idleSeconds, String... eagerHosts) {
        Autotunnel autotunnel = new Autotunnel(on, clock, new Random(7), log.logger(), database, keying,
                AutotunnelSettings.of(mode, eagerHosts, idleSeconds));
        autotunnel.start();
        return autotunnel;
    }

    private static void list(Autotunnel autotunnel, Peer peer) {
        autotunnel.peerChanged(Optional.empty(), Optional.of(peer));
    }

    @Test
    void theFirstPacketToAPeerKeysItOnceAndNoMoreWhileThatIsUnderWay() {
        Autotunnel autotunnel = started(KeyingMode.ON_DEMAND, 600);
        list(autotunnel, peer("home", HOME, Optional.of(HOME_AT)));
        assertEquals(List.of(), keying.keyed, "on demand: nothing is keyed because a peer is listed");

        database.sendTo(HOME);
        database.sendTo(HOME);
        database.sendTo(HOME);

        assertEquals(List.of(HOME), keying.keyed, "one key request, however many packets wait");
        keying.keys.get(0).resolve(up(HOME, "home"));
        assertTrue(log.has(LogLevel.INFO, "The tunnel with home is up"), log.toString());

        database.sendTo(HOME);
        assertEquals(List.of(HOME, HOME), keying.keyed, "a later packet without a pair asks again");
    }

    @Test
    void theSaDatabaseCallbackOnlyHandsTheAddressToTheAutotunnelsThread() {
        List<Runnable> handed = new ArrayList<>();
        Scheduler queued = new Scheduler() {
            @Override
            public void execute(Runnable task) {
                handed.add(task);
            }

            @Override
            public Scheduled schedule(Runnable task, Duration delay) {
                return () -> { };
            }
        };
        Autotunnel autotunnel = started(queued, KeyingMode.ON_DEMAND, 600);
        list(autotunnel, peer("home", HOME, Optional.of(HOME_AT)));

        database.sendTo(HOME);

        assertEquals(List.of(), keying.keyed, "nothing happens on the packet path");
        while (!handed.isEmpty()) {
            handed.remove(0).run();
        }
        assertEquals(List.of(HOME), keying.keyed);
    }

    @Test
    void aPacketToAnAddressNoHostHasIsReportedOncePerAddressAndMulticastNotAtAll() {
        started(KeyingMode.ON_DEMAND, 600);
        Inet6Address stranger = ula("fd00::99");

        database.sendTo(stranger);
        database.sendTo(stranger);
        database.sendTo(ula("fd00::98"));
        database.sendTo(ula("ff02::2"));

        assertEquals(List.of(), keying.keyed);
        assertEquals(1, log.count(LogLevel.INFO, "A packet to fd00::99 found no SA pair and no listed host"));
        assertEquals(1, log.count(LogLevel.INFO, "A packet to fd00::98 found no SA pair"));
        assertEquals(2, log.count(LogLevel.INFO, "found no SA pair"), "the kernel's multicast is nobody's: " + log);
    }

    @Test
    void theReportedUnknownAddressesAreBounded() {
        started(KeyingMode.ON_DEMAND, 600);
        for (int i = 0; i <= Autotunnel.MAX_UNKNOWN_REPORTED; i++) {
            database.sendTo(ula("fd00::1:" + Integer.toHexString(i)));
        }
        database.sendTo(ula("fd00::1:0"));

        assertEquals(2, log.count(LogLevel.INFO, "A packet to fd00::1:0 found"),
                "the oldest was forgotten to make room, so it is reported again");
    }

    @Test
    void eagerModeKeysEveryListedPeerAtOnceAndAgainWhenItsEndpointComesBack() {
        Autotunnel autotunnel = started(KeyingMode.EAGER, 600);
        Peer home = peer("home", HOME, Optional.of(HOME_AT));
        Peer away = peer("nas", NAS, Optional.empty());

        list(autotunnel, home);
        list(autotunnel, away);

        assertEquals(List.of(HOME), keying.keyed, "a peer without an endpoint cannot be keyed yet");
        keying.keys.get(0).resolve(up(HOME, "home"));
        Peer lost = peer("home", HOME, Optional.empty());
        autotunnel.peerChanged(Optional.of(home), Optional.of(lost));
        autotunnel.peerChanged(Optional.of(lost), Optional.of(home));
        autotunnel.peerChanged(Optional.of(away), Optional.of(peer("nas", NAS, Optional.of(HOME_AT))));

        assertEquals(List.of(HOME, HOME, NAS), keying.keyed);
        assertTrue(log.has(LogLevel.INFO, "Keying the tunnel with home (" + "fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c"
                + ") eagerly: its endpoint is back"), log.toString());
    }

    @Test
    void eagerHostsAreKeyedAtOnceInOnDemandModeAndOthersWait() {
        Autotunnel autotunnel = started(KeyingMode.ON_DEMAND, 600, "NAS");

        list(autotunnel, peer("home", HOME, Optional.of(HOME_AT)));
        list(autotunnel, peer("nas", NAS, Optional.of(HOME_AT)));

        assertEquals(List.of(NAS), keying.keyed, "the label matches whatever its case");
    }

    @Test
    void anEagerPeerWhoseKeyingFailedIsTriedAgainLaterAndAfterLosingItsPairAtTheNextSample() {
        Autotunnel autotunnel = started(KeyingMode.EAGER, 600);
        list(autotunnel, peer("home", HOME, Optional.of(HOME_AT)));

        keying.keys.get(0).fail(new IllegalStateException("no answer to IKE_SA_INIT from 11.0.0.2:4500 after 5 tries"));

        assertTrue(log.has(LogLevel.INFO, "Keying with home failed: no answer to IKE_SA_INIT from 11.0.0.2:4500 after"
                + " 5 tries; trying again in 1"), log.toString());
        scheduler.advance(Duration.ofSeconds(9));
        assertEquals(1, keying.keyed.size(), "not before the backoff's first delay, even at a sample");
        scheduler.advance(Duration.ofSeconds(3));
        assertEquals(2, keying.keyed.size());
        keying.keys.get(1).resolve(up(HOME, "home"));

        database.pairs = List.of(pair(HOME, 0x1000, 0, 0));
        scheduler.advance(Autotunnel.SAMPLE_EVERY);
        assertEquals(2, keying.keyed.size(), "a peer with a pair is not asked for again");
        database.pairs = List.of();
        scheduler.advance(Autotunnel.SAMPLE_EVERY);
        assertEquals(3, keying.keyed.size(), "the pair went (dead peer detection, say): keyed again");
    }

    @Test
    void anOnDemandPeerWhoseKeyingFailedWaitsForTheNextPacket() {
        Autotunnel autotunnel = started(KeyingMode.ON_DEMAND, 600);
        list(autotunnel, peer("home", HOME, Optional.of(HOME_AT)));
        database.sendTo(HOME);

        keying.keys.get(0).fail(new IllegalStateException("home refused our certificate"));
        scheduler.advance(Duration.ofMinutes(5));

        assertEquals(1, keying.keyed.size());
        assertTrue(log.has(LogLevel.INFO, "Keying with home failed: home refused our certificate; the next packet"),
                log.toString());
    }

    @Test
    void aTunnelWithoutPacketsForTheIdleTimeIsClosedAndOneThatCarriesPacketsIsNot() {
        Autotunnel autotunnel = started(KeyingMode.ON_DEMAND, 60);
        list(autotunnel, peer("home", HOME, Optional.of(HOME_AT)));
        list(autotunnel, peer("nas", NAS, Optional.of(HOME_AT)));
        long[] counter = {1};
        database.pairs = List.of(pair(HOME, 0x1000, 1, 1), pair(NAS, 0x2000, 1, 1));
        for (int i = 0; i < 20; i++) {
            scheduler.advance(Autotunnel.SAMPLE_EVERY);
            counter[0]++;
            database.pairs = List.of(pair(HOME, 0x1000, 1, 1), pair(NAS, 0x2000, i % 2 == 0 ? counter[0] : 1,
                    i % 2 == 1 ? counter[0] : 1));
        }

        assertEquals(List.of(new FakeKeying.Closed(HOME, "idle 60 s")), keying.closed,
                "nas sends or receives every 10 s, home nothing for 60 s");
        assertTrue(log.has(LogLevel.INFO, "Closed the tunnel with home: no packet in or out for 60 s"), log.toString());
    }

    @Test
    void aRekeyedPairCountingFromZeroIsNotIdle() {
        Autotunnel autotunnel = started(KeyingMode.ON_DEMAND, 30);
        list(autotunnel, peer("home", HOME, Optional.of(HOME_AT)));
        database.pairs = List.of(pair(HOME, 0x1000, 500, 500));
        scheduler.advance(Autotunnel.SAMPLE_EVERY);
        for (int i = 1; i <= 10; i++) {
            database.pairs = List.of(pair(HOME, 0x3000, i, i));
            scheduler.advance(Autotunnel.SAMPLE_EVERY);
        }

        assertEquals(List.of(), keying.closed, "the new pair's counters move");
    }

    @Test
    void eagerPeersAndAZeroIdleTimeNeverClose() {
        Autotunnel eager = started(KeyingMode.ON_DEMAND, 30, "home");
        list(eager, peer("home", HOME, Optional.of(HOME_AT)));
        database.pairs = List.of(pair(HOME, 0x1000, 1, 1));
        scheduler.advance(Duration.ofMinutes(10));
        eager.stop();
        Autotunnel never = started(KeyingMode.ON_DEMAND, 0);
        list(never, peer("nas", NAS, Optional.of(HOME_AT)));
        database.pairs = List.of(pair(NAS, 0x2000, 1, 1));
        scheduler.advance(Duration.ofDays(2));

        assertEquals(List.of(), keying.closed);
    }

    @Test
    void theLastPacketInAndOutAreDatedAtTheSamplingResolution() {
        Autotunnel autotunnel = started(KeyingMode.ON_DEMAND, 600);
        list(autotunnel, peer("home", HOME, Optional.of(HOME_AT)));
        database.pairs = List.of(pair(HOME, 0x1000, 3, 0));
        scheduler.advance(Autotunnel.SAMPLE_EVERY);
        Instant firstIn = clock.instant();
        database.pairs = List.of(pair(HOME, 0x1000, 3, 2));
        scheduler.advance(Autotunnel.SAMPLE_EVERY);
        Instant firstOut = clock.instant();
        database.pairs = List.of();
        scheduler.advance(Autotunnel.SAMPLE_EVERY);

        PeerView home = autotunnel.views().get(0);
        assertEquals(Optional.of(firstIn), home.lastIn());
        assertEquals(Optional.of(firstOut), home.lastOut(), "the times outlive the tunnel");
    }

    @Test
    void aPeerThatLeavesIsForgottenWithoutTouchingItsSas() {
        Autotunnel autotunnel = started(KeyingMode.EAGER, 60);
        Peer home = peer("home", HOME, Optional.of(HOME_AT));
        list(autotunnel, home);
        keying.keys.get(0).fail(new IllegalStateException("no answer"));

        autotunnel.peerChanged(Optional.of(home), Optional.empty());
        database.pairs = List.of(pair(HOME, 0x1000, 1, 1));
        scheduler.advance(Duration.ofMinutes(30));
        database.sendTo(HOME);

        assertEquals(List.of(), autotunnel.views());
        assertEquals(1, keying.keyed.size(), "no retry, no key for an unlisted address");
        assertEquals(List.of(), keying.closed, "the key exchange deletes a gone peer's SAs, not the autotunnel");
    }

    @Test
    void aPeerListedAgainUnderAnotherUlaIsKnownOnlyByTheNewOne() {
        Autotunnel autotunnel = started(KeyingMode.ON_DEMAND, 600);
        Peer before = peer("home", HOME, Optional.of(HOME_AT));
        list(autotunnel, before);
        autotunnel.peerChanged(Optional.of(before), Optional.of(peer("home", NAS, Optional.of(HOME_AT))));

        database.sendTo(HOME);
        database.sendTo(NAS);

        assertEquals(List.of(NAS), keying.keyed);
        assertEquals(NAS, autotunnel.find("home").orElseThrow().peer().ula());
    }

    @Test
    void aPeerIsFoundByLabelByNameInTheZoneAndByUla() {
        Autotunnel autotunnel = started(KeyingMode.ON_DEMAND, 600);
        list(autotunnel, peer("home", HOME, Optional.of(HOME_AT)));

        assertTrue(autotunnel.find("HOME").isPresent());
        assertTrue(autotunnel.find("home.alice.members.example.").isPresent());
        assertTrue(autotunnel.find("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c").isPresent());
        assertFalse(autotunnel.find("homer").isPresent());
    }

    @Test
    void stoppingUnregistersCancelsEveryTimerAndIgnoresLateEvents() {
        Autotunnel autotunnel = started(KeyingMode.EAGER, 60);
        Peer home = peer("home", HOME, Optional.of(HOME_AT));
        list(autotunnel, home);
        keying.keys.get(0).fail(new IllegalStateException("no answer"));
        assertEquals(2, scheduler.pending(), "the sampling and the retry");

        autotunnel.stop();

        assertEquals(0, scheduler.pending());
        assertTrue(database.listeners.isEmpty());
        list(autotunnel, peer("nas", NAS, Optional.of(HOME_AT)));
        scheduler.advance(Duration.ofHours(1));
        assertEquals(1, keying.keyed.size());
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        IllegalArgumentException idle = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AutotunnelSettings.of(KeyingMode.ON_DEMAND, new String[0], -1));
        assertTrue(idle.getMessage().startsWith("idleSeconds must be 0"), idle.getMessage());
        IllegalArgumentException host = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AutotunnelSettings.of(KeyingMode.ON_DEMAND, new String[] {"home.example"}, 60));
        assertTrue(host.getMessage().startsWith("eagerHosts: 'home.example' is not a host label"), host.getMessage());
        assertEquals("on demand (eager for nas), idle tunnels close after 600 s",
                AutotunnelSettings.of(KeyingMode.ON_DEMAND, new String[] {" Nas ", ""}, 600).text());
    }
}
