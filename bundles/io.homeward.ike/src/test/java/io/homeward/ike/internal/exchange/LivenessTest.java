package io.homeward.ike.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.ike.internal.wire.ExchangeType;

/** Dead peer detection (RFC 7296 §2.4) between two engines: empty INFORMATIONAL requests only after silence. */
class LivenessTest {
    private final IkeLab lab = new IkeLab();

    @Test
    void aSilentPeerIsAskedWhetherItIsAliveAfterTheDelayAndAnswers() {
        establish();

        lab.scheduler.advance(IkeSettings.DPD_DELAY.minusSeconds(1));
        assertEquals(0, informationalRequests(), "not before the delay");
        lab.scheduler.advance(Duration.ofSeconds(1));
        lab.run();

        assertEquals(2, informationalRequests(), "both sides heard nothing for 30 s and asked");
        assertEquals(4, informationals(), "each request answered");
        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
        assertEquals(IkeSaState.ESTABLISHED, lab.home.status().get(0).state());

        for (int i = 0; i < 10; i++) {
            lab.scheduler.advance(IkeSettings.DPD_DELAY);
            lab.run();
        }
        assertEquals(22, informationalRequests(), "a check by each every 30 s of silence");
        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
    }

    @Test
    void noCheckWhileEspPacketsArrive() {
        establish();
        int laptopIn = lab.laptop.database.installed.get(0).inboundSpi();
        int homeIn = lab.home.database.installed.get(0).inboundSpi();

        for (long packets = 1; packets <= 30; packets++) {
            lab.laptop.database.packetsIn.put(laptopIn, packets * 100);
            lab.home.database.packetsIn.put(homeIn, packets * 100);
            lab.scheduler.advance(Duration.ofSeconds(10));
            lab.run();
        }

        assertEquals(0, informationalRequests(), "five minutes of ESP both ways");
    }

    @Test
    void aPeerThatStopsAnsweringIsTakenForDeadAndTheSaCloses() {
        establish();
        lab.lose = packet -> true;

        lab.scheduler.advance(IkeSettings.DPD_DELAY);
        lab.run();
        assertTrue(informationalRequests() > 0);
        lab.scheduler.advance(Duration.ofSeconds(166));

        assertTrue(lab.laptop.status().isEmpty());
        assertTrue(lab.home.status().isEmpty());
        assertTrue(lab.laptop.closedTold.get(0).contains("no response to INFORMATIONAL request"),
                lab.laptop.closedTold.toString());
        assertTrue(lab.laptop.log.has(LogLevel.INFO, "the peer is taken for dead"), lab.laptop.log.toString());
        List<Integer> checks = lab.sent.stream().filter(packet -> packet.from().equals(lab.laptop.endpoint)
                && isInformationalRequest(packet)).map(packet -> packet.message().header().messageId()).toList();
        assertEquals(List.of(2, 2, 2, 2, 2, 2), checks,
                "one check sent six times; no second one beside it while it is outstanding (window size 1)");
    }

    @Test
    void aZeroDelayTurnsTheChecksOff() {
        lab.laptop.with(settings -> withDelay(settings, Duration.ZERO));
        lab.home.with(settings -> withDelay(settings, Duration.ZERO));
        establish();

        lab.scheduler.advance(Duration.ofMinutes(10));
        lab.run();

        assertEquals(0, informationalRequests());
    }

    private void establish() {
        lab.initiate();
        lab.run();
        assertEquals(IkeSaState.ESTABLISHED, lab.laptop.status().get(0).state());
        assertEquals(1, lab.home.database.installed.size());
    }

    private long informationalRequests() {
        return lab.sent.stream().filter(LivenessTest::isInformationalRequest).count();
    }

    private long informationals() {
        return lab.sent.stream()
                .filter(packet -> packet.message().header().exchangeType() == ExchangeType.INFORMATIONAL.code())
                .count();
    }

    private static boolean isInformationalRequest(IkeLab.Packet packet) {
        return packet.message().header().exchangeType() == ExchangeType.INFORMATIONAL.code()
                && !packet.message().header().isResponse();
    }

    static IkeSettings withDelay(IkeSettings settings, Duration delay) {
        return new IkeSettings(settings.ikeProposals(), settings.childProposals(), settings.suites(),
                settings.localEndpoint(), settings.retransmission(), settings.maxMessageLength(),
                settings.halfOpenTimeout(), delay);
    }
}
