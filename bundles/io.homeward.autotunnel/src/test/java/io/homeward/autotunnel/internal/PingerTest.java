package io.homeward.autotunnel.internal;

import static io.homeward.autotunnel.internal.AutotunnelTest.HOME;
import static io.homeward.autotunnel.internal.AutotunnelTest.HOME_AT;
import static io.homeward.autotunnel.internal.AutotunnelTest.peer;
import static io.homeward.autotunnel.internal.AutotunnelTest.up;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeward.api.keying.KeyingState;
import io.homeward.api.keying.KeyingStatus;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class PingerTest {
    private static final String HOME_ULA = "fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c";
    private final MutableClock clock = new MutableClock();
    private final FakeKeying keying = new FakeKeying();
    private final Autotunnel autotunnel = new Autotunnel(new ManualScheduler(clock), clock, new Random(1),
            new RecordingLogger().logger(), new FakeSaDatabase(), keying,
            AutotunnelSettings.of(KeyingMode.ON_DEMAND, new String[0], 600));
    private final Pinger pinger = new Pinger(autotunnel, keying, Duration.ofMillis(200), Duration.ofMillis(50));

    @BeforeEach
    void homeIsListed() {
        autotunnel.peerChanged(Optional.empty(), Optional.of(peer("home", HOME, Optional.of(HOME_AT))));
    }

    @Test
    void aPingThroughAnUpTunnelSaysThePathAndTheRoundTrip() throws Exception {
        keying.status = List.of(up(HOME, "home"));
        keying.probeAnswer = keying.promises.resolved(Duration.ofNanos(2_100_000));

        Pinger.Outcome outcome = pinger.ping("home", 1);

        assertEquals(List.of("pong from home (" + HOME_ULA + ") via 11.0.0.2:4500 (direct, endpoint learned by"
                + " dns-push) in 2.1 ms"), outcome.lines());
        assertTrue(outcome.ok());
        assertEquals(List.of(), keying.keyed);
        assertEquals(Optional.of(Duration.ofNanos(2_100_000)), autotunnel.views().get(0).lastPing());
    }

    @Test
    void withoutATunnelItSaysItIsKeyingThenPings() throws Exception {
        keying.keyAnswer = keying.promises.resolved(up(HOME, "home"));
        keying.probeAnswer = keying.promises.resolved(Duration.ofMillis(3));

        Pinger.Outcome outcome = pinger.ping("home.alice.members.example", 3);

        assertEquals("no tunnel to home (" + HOME_ULA + ") yet: keying", outcome.lines().get(0));
        assertEquals(4, outcome.lines().size(), outcome.text());
        assertTrue(outcome.lines().get(3).startsWith("pong from home"), outcome.text());
        assertEquals(List.of(HOME), keying.keyed);
    }

    @Test
    void aHostNotListedIsSaidSo() throws Exception {
        Pinger.Outcome outcome = pinger.ping("office", 1);

        assertEquals(List.of("office is not in the directory"), outcome.lines());
        assertFalse(outcome.ok());
    }

    @Test
    void aKeyingFailureSaysWhichStepFailed() throws Exception {
        keying.keyAnswer = keying.promises.failed(
                new IllegalStateException("no answer to IKE_SA_INIT from 11.0.0.2:4500 after 5 tries"));

        Pinger.Outcome outcome = pinger.ping("home", 1);

        assertEquals(List.of("no tunnel to home (" + HOME_ULA + ") yet: keying",
                "keying with home failed: no answer to IKE_SA_INIT from 11.0.0.2:4500 after 5 tries"), outcome.lines());
        assertFalse(outcome.ok());
    }

    @Test
    void keyingThatNeverEndsIsWaitedForBoundedly() throws Exception {
        Pinger.Outcome outcome = pinger.ping("home", 1);

        assertEquals("keying with home failed: no answer within 200 ms", outcome.lines().get(1));
    }

    @Test
    void aProbeThatFailsOrIsNotAnsweredInTimeIsSaidPerTry() throws Exception {
        keying.status = List.of(up(HOME, "home"));
        keying.probeAnswer = keying.promises.failed(new IllegalStateException("home has no IKE SA"));
        Pinger.Outcome failed = pinger.ping("home", 1);
        keying.probeAnswer = null;
        Pinger.Outcome silent = pinger.ping("home", 2);

        assertEquals(List.of("no pong from home (" + HOME_ULA + "): home has no IKE SA"), failed.lines());
        assertEquals(List.of("no pong from home (" + HOME_ULA + "): no answer within 50 ms",
                "no pong from home (" + HOME_ULA + "): no answer within 50 ms"), silent.lines());
        assertFalse(silent.ok());
        assertEquals(Optional.empty(), autotunnel.views().get(0).lastPing());
    }

    @Test
    void anEndpointLearnedFromThePeersPacketsIsSaidSo() throws Exception {
        keying.status = List.of(new KeyingStatus(HOME, "home", KeyingState.UP, MutableClock.DEFAULT_START,
                Optional.of(new InetSocketAddress("11.0.0.5", 1024)), Optional.empty(), false, ""));
        keying.probeAnswer = keying.promises.resolved(Duration.ofMillis(1));

        String line = pinger.ping("home", 1).lines().get(0);

        assertTrue(line.endsWith("via 11.0.0.5:1024 (direct, endpoint learned from its packets; the directory lists"
                + " 11.0.0.2:4500) in 1.0 ms"), line);
    }

    @Test
    void aCountOutOfRangeIsRefused() throws Exception {
        assertEquals(List.of("the count must be 1 to 100, not 0"), pinger.ping("home", 0).lines());
        assertEquals(List.of("name the host to ping"), pinger.ping(" ", 1).lines());
    }
}
