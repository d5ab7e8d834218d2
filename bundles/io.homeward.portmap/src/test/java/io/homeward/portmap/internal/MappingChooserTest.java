package io.homeward.portmap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.PortMappingEvent.Kind;
import io.homeward.api.portmap.PortMappingException;
import io.homeward.api.portmap.TransportProtocol;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;
import io.homeward.kit.schedule.ExecutorScheduler;
import io.homeward.testkit.ManualScheduler;

class MappingChooserTest {
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final Duration RETRY = Duration.ofMinutes(5);

    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingLogger log = new RecordingLogger();
    private final List<String> calls = new ArrayList<>();
    private final List<PortMappingEvent> events = new ArrayList<>();
    private final FakeMapper pcp = new FakeMapper(MapperProtocol.PCP, "203.0.113.7", 4500, clock, calls);
    private final FakeMapper upnp = new FakeMapper(MapperProtocol.UPNP_IGD, "203.0.113.7", 4501, clock, calls);
    private final MappingChooser chooser = chooser(true);

    @Test
    void theBestRankedMapperIsAskedFirstAndTheOthersAreLeftAlone() {
        chooser.add(pcp.entry(200, 1));
        chooser.add(upnp.entry(100, 2));

        assertEquals(List.of("pcp map 4500"), calls);
        assertEquals(List.of(new PortMappingEvent(Kind.MAPPED, pcp.mapping(4500, LIFETIME))), events);
        assertEquals(MapperProtocol.PCP, chooser.state().mapping().mapper());
        assertEquals(1, scheduler.pending(), "only the renewal check is pending, no retry");
    }

    @Test
    void aFailingMapperHandsOverToTheNext() {
        pcp.refusal = "the gateway did not answer PCP";
        chooser.add(pcp.entry(200, 1));
        chooser.add(upnp.entry(100, 2));

        assertEquals(MapperProtocol.UPNP_IGD, chooser.state().mapping().mapper());
        MapperView pcpView = chooser.state().mappers().get(0);
        assertFalse(pcpView.result().answered());
        assertEquals("the gateway did not answer PCP", pcpView.result().detail());
        assertTrue(chooser.state().mappers().get(1).active());
    }

    @Test
    void removingTheActiveMapperHandsOverWithoutReleasingThroughIt() {
        chooser.add(pcp.entry(200, 1));
        chooser.add(upnp.entry(100, 2));
        calls.clear();

        chooser.remove(pcp.entry(200, 1));

        assertEquals(List.of("upnp-igd map 4500"), calls);
        PortMappingEvent last = events.get(events.size() - 1);
        assertEquals(Kind.CHANGED, last.kind());
        assertEquals(4501, last.mapping().externalPort());
        assertEquals(1, chooser.state().mappers().size());
    }

    @Test
    void aHandoverOntoTheSameGatewayRuleIsAskedForAgainAfterTheOldMapperStopped() {
        upnp.externalPort = 4500;
        chooser.add(pcp.entry(200, 1));
        chooser.add(upnp.entry(100, 2));
        chooser.remove(pcp.entry(200, 1));
        calls.clear();

        scheduler.advance(MappingChooser.HANDOVER_RECHECK);

        assertEquals(List.of("upnp-igd map 4500"), calls);
        assertEquals(MapperProtocol.UPNP_IGD, chooser.state().mapping().mapper());
    }

    @Test
    void aBetterMapperTakesOverThenTheOldMappingIsReleased() {
        chooser.add(upnp.entry(100, 2));
        assertEquals(MapperProtocol.UPNP_IGD, chooser.state().mapping().mapper());

        chooser.add(pcp.entry(200, 1));

        assertEquals(List.of("upnp-igd map 4500", "pcp map 4500", "upnp-igd release 4501"), calls);
        assertEquals(List.of(Kind.MAPPED, Kind.CHANGED), events.stream().map(PortMappingEvent::kind).toList());
        assertEquals(MapperProtocol.PCP, chooser.state().mapping().mapper());
    }

    @Test
    void aTakeoverOnTheSameGatewayRuleAsksAgainAfterTheRelease() {
        upnp.externalPort = 4500;
        chooser.add(upnp.entry(100, 2));

        chooser.add(pcp.entry(200, 1));

        assertEquals(List.of("upnp-igd map 4500", "pcp map 4500", "upnp-igd release 4500", "pcp map 4500"), calls);
        assertEquals(List.of(Kind.MAPPED, Kind.RENEWED), events.stream().map(PortMappingEvent::kind).toList());
        assertEquals(MapperProtocol.PCP, chooser.state().mapping().mapper());
    }

    @Test
    void raisingARankingTakesOverToo() {
        chooser.add(pcp.entry(200, 1));
        chooser.add(upnp.entry(100, 2));

        chooser.add(upnp.entry(300, 2));

        assertEquals(MapperProtocol.UPNP_IGD, chooser.state().mapping().mapper());
        assertEquals(List.of("pcp map 4500", "upnp-igd map 4500", "pcp release 4500"), calls);
    }

    @Test
    void aBetterMapperThatFailedIsAskedAgainLater() {
        pcp.refusal = "no answer";
        chooser.add(pcp.entry(200, 1));
        chooser.add(upnp.entry(100, 2));
        pcp.refusal = null;

        scheduler.advance(RETRY);

        assertEquals(MapperProtocol.PCP, chooser.state().mapping().mapper());
        assertTrue(calls.contains("upnp-igd release 4501"));
    }

    @Test
    void whenNoMapperAnswersTheMappingIsLostAndAskedForAgain() {
        chooser.add(pcp.entry(200, 1));
        pcp.refusal = "no answer";

        chooser.mapperEvent(new PortMappingEvent(Kind.LOST, pcp.mapping(4500, LIFETIME)));

        assertEquals(Kind.LOST, events.get(events.size() - 1).kind());
        assertNull(chooser.state().mapping());
        pcp.refusal = null;
        scheduler.advance(RETRY);
        assertEquals(Kind.MAPPED, events.get(events.size() - 1).kind());
    }

    @Test
    void renewalsAndChangesReportedByTheMapperArePassedOn() {
        chooser.add(pcp.entry(200, 1));
        clock.advance(Duration.ofMinutes(30));
        PortMapping renewed = pcp.mapping(4500, LIFETIME);

        chooser.mapperEvent(new PortMappingEvent(Kind.RENEWED, renewed));
        pcp.externalAddress = "198.51.100.9";
        PortMapping moved = pcp.mapping(4500, LIFETIME);
        chooser.mapperEvent(new PortMappingEvent(Kind.CHANGED, moved));

        assertEquals(3, events.size());
        assertEquals(new PortMappingEvent(Kind.RENEWED, renewed), events.get(1));
        assertEquals(new PortMappingEvent(Kind.CHANGED, moved), events.get(2));
        assertEquals(moved, chooser.state().mapping());
    }

    @Test
    void eventsAboutOtherMappingsAreIgnored() {
        chooser.add(pcp.entry(200, 1));

        chooser.mapperEvent(new PortMappingEvent(Kind.LOST, upnp.mapping(4500, LIFETIME)));
        chooser.mapperEvent(new PortMappingEvent(Kind.LOST, pcp.mapping(9999, LIFETIME)));

        assertEquals(1, events.size());
        assertEquals(MapperProtocol.PCP, chooser.state().mapping().mapper());
    }

    @Test
    void aMappingTheMapperDidNotRenewIsRenewedThroughIt() {
        chooser.add(pcp.entry(200, 1));
        calls.clear();

        scheduler.advance(Duration.ofMinutes(45));

        assertEquals(List.of("pcp map 4500"), calls);
        assertEquals(Kind.RENEWED, events.get(events.size() - 1).kind());
        assertEquals(clock.instant(), chooser.state().mapping().grantedAt());
    }

    @Test
    void aMapperWithAStaleClockDoesNotMakeRenewalsSpin() {
        MutableClock behind = new MutableClock();
        clock.advance(Duration.ofHours(5));
        FakeMapper stale = new FakeMapper(MapperProtocol.PCP, "203.0.113.7", 4500, behind, calls);
        chooser.add(stale.entry(200, 1));

        scheduler.advance(Duration.ofMinutes(1));

        assertEquals(1 + 2, calls.size(), "one map, then one renewal per " + MappingChooser.MIN_RENEWAL_DELAY);
    }

    @Test
    void aFailedRenewalMovesToTheNextMapper() {
        chooser.add(pcp.entry(200, 1));
        chooser.add(upnp.entry(100, 2));
        pcp.refusal = "gateway rebooted into a mode without PCP";

        scheduler.advance(Duration.ofMinutes(45));

        assertEquals(MapperProtocol.UPNP_IGD, chooser.state().mapping().mapper());
        assertEquals(Kind.CHANGED, events.get(events.size() - 1).kind());
    }

    @Test
    void stoppingReleasesTheMappingAndTellsListeners() {
        chooser.add(pcp.entry(200, 1));

        chooser.stop();

        assertEquals("pcp release 4500", calls.get(calls.size() - 1));
        assertEquals(Kind.LOST, events.get(events.size() - 1).kind());
        assertEquals(0, scheduler.pending());
        chooser.add(upnp.entry(100, 2));
        assertFalse(calls.contains("upnp-igd map 4500"), "nothing is asked after stop");
    }

    @Test
    void aNetworkChangeAsksTheHeldMapperAgainOnceAndPassesOnTheNewPublicAddress() {
        chooser.add(pcp.entry(200, 1));
        chooser.add(upnp.entry(100, 2));
        calls.clear();
        pcp.externalAddress = "198.51.100.9";

        chooser.networkChanged();
        chooser.networkChanged();
        chooser.networkChanged();
        assertEquals(List.of(), calls, "nothing before the burst has settled");
        scheduler.advance(MappingChooser.NETWORK_SETTLE);

        assertEquals(List.of("pcp map 4500"), calls, "one burst, one re-map");
        PortMappingEvent last = events.get(events.size() - 1);
        assertEquals(Kind.CHANGED, last.kind());
        assertEquals("198.51.100.9", last.mapping().externalAddress().getHostAddress());
    }

    @Test
    void aNetworkChangeWhereTheHeldMapperNoLongerAnswersHandsOver() {
        chooser.add(pcp.entry(200, 1));
        chooser.add(upnp.entry(100, 2));
        calls.clear();
        pcp.refusal = "no PCP server on the new network";

        chooser.networkChanged();
        scheduler.advance(MappingChooser.NETWORK_SETTLE);

        assertEquals(List.of("pcp map 4500", "upnp-igd map 4500"), calls);
        assertEquals(MapperProtocol.UPNP_IGD, chooser.state().mapping().mapper());
        assertEquals(Kind.CHANGED, events.get(events.size() - 1).kind());
    }

    @Test
    void withoutAMappingANetworkChangeAsksAtOnceRatherThanAtTheNextRetry() {
        pcp.refusal = "no answer";
        chooser.add(pcp.entry(200, 1));
        assertNull(chooser.state().mapping());
        pcp.refusal = null;

        chooser.networkChanged();
        scheduler.advance(MappingChooser.NETWORK_SETTLE);

        assertEquals(MapperProtocol.PCP, chooser.state().mapping().mapper());
        assertEquals(Kind.MAPPED, events.get(events.size() - 1).kind());
    }

    @Test
    void aNetworkChangeAfterStopAsksNobody() {
        chooser.add(pcp.entry(200, 1));
        chooser.stop();
        calls.clear();

        chooser.networkChanged();
        scheduler.advance(MappingChooser.NETWORK_SETTLE);

        assertEquals(List.of(), calls);
    }

    @Test
    void theSettledStateWaitsForAMapperThatIsStillAnswering() throws Exception {
        ExecutorScheduler thread = new ExecutorScheduler("test-chooser");
        FakeMapper slow = new FakeMapper(MapperProtocol.UPNP_IGD, "203.0.113.7", 4500, clock, calls) {
            @Override
            public PortMapping map(TransportProtocol transport, int internalPort,
                    Duration lifetime) throws PortMappingException {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.map(transport, internalPort, lifetime);
            }
        };
        MappingChooser real = new MappingChooser(4500, LIFETIME, RETRY, true, clock, thread, e -> { }, log.logger());
        try {
            real.add(slow.entry(100, 1));

            assertEquals(MapperProtocol.UPNP_IGD, real.settledState(Duration.ofSeconds(10)).mapping().mapper());
        } finally {
            real.stop();
            assertTrue(thread.shutdown(Duration.ofSeconds(10)));
        }
    }

    @Test
    void aDisabledChooserAsksNobody() {
        MappingChooser disabled = chooser(false);
        disabled.add(pcp.entry(200, 1));

        assertTrue(calls.isEmpty());
        assertFalse(disabled.state().enabled());
        assertEquals(1, disabled.state().mappers().size());
    }

    private MappingChooser chooser(boolean enabled) {
        return new MappingChooser(4500, LIFETIME, RETRY, enabled, clock, scheduler, events::add, log.logger());
    }
}
