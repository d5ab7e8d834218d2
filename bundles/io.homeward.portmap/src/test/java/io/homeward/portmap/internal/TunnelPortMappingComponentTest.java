package io.homeward.portmap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.homeward.api.netwatch.NetworkChange;
import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.PortMappingEvent.Kind;
import io.homeward.testkit.RecordingLogger;

/** The DS component on its own thread, as SCR drives it. */
class TunnelPortMappingComponentTest {
    private final RecordingLogger log = new RecordingLogger();
    private final Clock clock = Clock.systemUTC();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<PortMappingEvent> heard = Collections.synchronizedList(new ArrayList<>());

    @Test
    void thePublicEndpointHearsTheMappingAndTheChooserListensToEachMapperWhileBound() throws Exception {
        TunnelPortMappingComponent component = new TunnelPortMappingComponent(config(true), 4500, heard::add, log.logger());
        FakeMapper pcp = new FakeMapper(MapperProtocol.PCP, "203.0.113.7", 4500, clock, calls);
        try {
            component.addMapper(pcp, props(200, 1));

            assertEquals(MapperProtocol.PCP, component.state().mapping().mapper());
            assertEquals(List.of(Kind.MAPPED), heard.stream().map(PortMappingEvent::kind).toList());
            assertEquals(1, pcp.listeners.size(), "the chooser listens to the mapper it is bound to");

            pcp.externalAddress = "198.51.100.1";
            pcp.listeners.get(0).mappingChanged(new PortMappingEvent(Kind.CHANGED, pcp.mapping(4500,
                    Duration.ofHours(1))));
            component.state();
            assertEquals(List.of(Kind.MAPPED, Kind.CHANGED), heard.stream().map(PortMappingEvent::kind).toList());
        } finally {
            component.deactivate();
        }
        assertEquals("pcp release 4500", calls.get(calls.size() - 1));
        assertEquals(Kind.LOST, heard.get(heard.size() - 1).kind(), "a stop tells the public endpoint the loss");
        component.removeMapper(pcp, props(200, 1));
        assertTrue(pcp.listeners.isEmpty(), "unbound, the chooser no longer listens to the mapper");
    }

    @Test
    void aNetworkChangeMakesItAskForTheMappingAgain() throws Exception {
        TunnelPortMappingComponent component = new TunnelPortMappingComponent(config(true), 4500, heard::add, log.logger());
        try {
            component.addMapper(new FakeMapper(MapperProtocol.PCP, "203.0.113.7", 4500, clock, calls), props(200, 1));
            component.state();

            component.networkChanged(new NetworkChange(NetworkChange.Kind.ADDRESS_ADDED, Optional.of("eth0"),
                    "10.0.0.7/24 added on eth0", Instant.now()));

            for (int i = 0; i < 100 && calls.size() < 2; i++) {
                Thread.sleep(50);
            }
            assertEquals(List.of("pcp map 4500", "pcp map 4500"), calls);
        } finally {
            component.deactivate();
        }
    }

    @Test
    void switchedOffItAsksNoMapper() throws Exception {
        TunnelPortMappingComponent component = new TunnelPortMappingComponent(config(false), 4500, heard::add, log.logger());
        try {
            component.addMapper(new FakeMapper(MapperProtocol.PCP, "203.0.113.7", 4500, clock, calls), props(200, 1));

            assertEquals(false, component.state().enabled());
            assertTrue(calls.isEmpty());
        } finally {
            component.deactivate();
        }
    }

    private static Map<String, Object> props(int ranking, long id) {
        return Map.of("service.ranking", ranking, "service.id", id);
    }

    private static TunnelPortMappingComponent.Config config(boolean enabled) {
        return new TunnelPortMappingComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TunnelPortMappingComponent.Config.class;
            }

            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int lifetimeSeconds() {
                return 3600;
            }

            @Override
            public int retrySeconds() {
                return 300;
            }
        };
    }
}
