package io.homeward.portmap.pcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.TransportProtocol;
import io.homeward.portmap.pcp.internal.mapping.MapperStatus;
import io.homeward.portmap.pcp.internal.wire.Samples;

class PortmapReportTest {
    private static final PortMapping MAPPING = new PortMapping(MapperProtocol.PCP, TransportProtocol.UDP, 4500,
            Samples.address("11.0.0.2"), 4500, Duration.ofSeconds(3600), Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void statusShowsGatewayProtocolAddressMappingsAndTheLastProblem() {
        MapperStatus status = new MapperStatus(Samples.address("192.168.1.1"), MapperProtocol.PCP, Samples.address("11.0.0.2"),
                42, List.of(MAPPING), "the router is out of resources (PCP NO_RESOURCES)");
        assertEquals("""
                gateway:        192.168.1.1
                protocol:       pcp
                public address: 11.0.0.2
                gateway epoch:  42 s
                mappings:
                  UDP 4500 -> 11.0.0.2:4500 via pcp, lifetime 3600 s, expires 2026-01-01T01:00:00Z
                no port mapping available: the router is out of resources (PCP NO_RESOURCES)""", PortmapReport.of(status));
    }

    @Test
    void aFreshMapperSaysWhatItDoesNotKnowYet() {
        assertEquals("""
                gateway:        (not asked yet)
                protocol:       (none worked yet)
                public address: (unknown)
                gateway epoch:  0 s
                mappings:       (none)""", PortmapReport.of(new MapperStatus(null, null, null, 0, List.of(), null)));
    }

    @Test
    void eventsNameTheirKind() {
        assertEquals("event CHANGED UDP 4500 -> 11.0.0.2:4500 via pcp, lifetime 3600 s, expires 2026-01-01T01:00:00Z",
                PortmapReport.event(new PortMappingEvent(PortMappingEvent.Kind.CHANGED, MAPPING)));
    }
}
