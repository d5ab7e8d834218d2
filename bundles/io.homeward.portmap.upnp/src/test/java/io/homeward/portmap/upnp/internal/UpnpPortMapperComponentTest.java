package io.homeward.portmap.upnp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.PortMapping;
import io.homeward.api.portmap.PortMappingEvent;
import io.homeward.api.portmap.PortMappingEvent.Kind;
import io.homeward.api.portmap.PortMappingException;
import io.homeward.api.portmap.TransportProtocol;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

class UpnpPortMapperComponentTest {
    private static final Duration HOUR = Duration.ofHours(1);

    private final RecordingLogger log = new RecordingLogger();
    private final MutableClock clock = new MutableClock();
    private final List<PortMappingEvent> events = Collections.synchronizedList(new ArrayList<>());
    private FakeIgd igd;
    private UpnpPortMapperComponent mapper;

    @BeforeEach
    void startGateway() throws Exception {
        igd = new FakeIgd();
    }

    @AfterEach
    void stop() throws Exception {
        if (mapper != null) {
            mapper.deactivate();
        }
        igd.close();
    }

    @Test
    void mapsTheTunnelPortAndVerifiesItOnTheGateway() throws Exception {
        mapper = start(igd.rootUrl().toString());

        PortMapping m = mapper.map(TransportProtocol.UDP, 4500, HOUR);

        assertEquals(MapperProtocol.UPNP_IGD, m.mapper());
        assertEquals(InetAddress.getByName("203.0.113.7"), m.externalAddress());
        assertEquals(4500, m.externalPort());
        assertEquals(HOUR, m.lifetime());
        assertEquals(clock.instant(), m.grantedAt());
        assertEquals(new FakeIgd.Row("127.0.0.1", 4500, 3600, "homeward"), igd.table.get("UDP/4500"));
        assertTrue(igd.actions.contains("GetSpecificPortMappingEntry"));
        assertEquals(List.of(new PortMappingEvent(Kind.MAPPED, m)), events);
    }

    @Test
    void findsTheGatewayBySsdpWhenNoUrlIsConfigured() throws Exception {
        try (FakeSsdp ssdp = new FakeSsdp(igd.rootUrl().toString(), "HTTP/1.1 200 OK\r\nST: upnp:rootdevice\r\n"
                + "LOCATION: http://127.0.0.1:1/printer.xml\r\n\r\n")) {
            mapper = start("", ssdp.address());

            PortMapping m = mapper.map(TransportProtocol.UDP, 4500, HOUR);

            assertEquals(4500, m.externalPort());
            assertTrue(ssdp.requests.stream().anyMatch(r -> r.startsWith("M-SEARCH * HTTP/1.1\r\n")
                    && r.contains("MAN: \"ssdp:discover\"\r\n")));
        }
    }

    @Test
    void noSsdpAnswerIsAClearFailure() throws Exception {
        InetSocketAddress nobody;
        try (DatagramSocket unused = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            nobody = (InetSocketAddress) unused.getLocalSocketAddress();
        }
        mapper = start("", nobody);

        PortMappingException e = assertThrows(PortMappingException.class,
                () -> mapper.map(TransportProtocol.UDP, 4500, HOUR));
        assertTrue(e.getMessage().contains("no UPnP Internet gateway answered SSDP"), e.getMessage());
    }

    @Test
    void aRootUrlThatIsNotHttpIsRefusedAndDiscoveryUsedInstead() throws Exception {
        try (FakeSsdp ssdp = new FakeSsdp(igd.rootUrl().toString(), null)) {
            mapper = start("file:///etc/passwd", ssdp.address());

            assertEquals(4500, mapper.map(TransportProtocol.UDP, 4500, HOUR).externalPort());
            assertTrue(log.messages(LogLevel.ERROR).get(0).contains("is not an http:// URL"), log.lines().toString());
        }
    }

    @Test
    void aTakenPortMovesToTheNextOne() throws Exception {
        igd.takenPorts.add(4500);
        mapper = start(igd.rootUrl().toString());

        assertEquals(4501, mapper.map(TransportProtocol.UDP, 4500, HOUR).externalPort());
        assertEquals(4500, igd.table.get("UDP/4501").internalPort());
    }

    @Test
    void conflictsGiveUpAfterABoundedNumberOfPorts() throws Exception {
        for (int p = 4500; p < 4600; p++) {
            igd.takenPorts.add(p);
        }
        mapper = start(igd.rootUrl().toString());

        PortMappingException e = assertThrows(PortMappingException.class,
                () -> mapper.map(TransportProtocol.UDP, 4500, HOUR));
        assertTrue(e.getMessage().contains("718"), e.getMessage());
        assertEquals(PortAllocator.MAX_PORT_ATTEMPTS, igd.actions.stream().filter("AddPortMapping"::equals).count());
    }

    @Test
    void permanentOnlyGatewayGetsLeaseZeroAndTheMappingIsDeletedOnStop() throws Exception {
        igd.onlyPermanent = true;
        mapper = start(igd.rootUrl().toString());

        PortMapping m = mapper.map(TransportProtocol.UDP, 4500, HOUR);
        assertEquals(Duration.ZERO, m.lifetime());
        assertEquals(0, igd.table.get("UDP/4500").lease());

        mapper.deactivate();
        mapper = null;
        assertTrue(igd.table.isEmpty());
    }

    @Test
    void version2GatewayChoosesThePortWithAddAnyPortMapping() throws Exception {
        igd.serviceType = "urn:schemas-upnp-org:service:WANIPConnection:2";
        mapper = start(igd.rootUrl().toString());

        PortMapping m = mapper.map(TransportProtocol.UDP, 4500, HOUR);

        assertEquals(61000, m.externalPort());
        assertTrue(igd.actions.contains("AddAnyPortMapping"));
        assertFalse(igd.actions.contains("AddPortMapping"));
    }

    @Test
    void version2WithoutAddAnyFallsBackToAddPortMapping() throws Exception {
        igd.serviceType = "urn:schemas-upnp-org:service:WANIPConnection:2";
        igd.addAnyMissing = true;
        mapper = start(igd.rootUrl().toString());

        assertEquals(4500, mapper.map(TransportProtocol.UDP, 4500, HOUR).externalPort());
        assertTrue(igd.actions.contains("AddPortMapping"));
    }

    @Test
    void aGatewayThatAcceptsButDoesNotStoreIsCaught() throws Exception {
        igd.forgetsAdds = true;
        mapper = start(igd.rootUrl().toString());

        PortMappingException e = assertThrows(PortMappingException.class,
                () -> mapper.map(TransportProtocol.UDP, 4500, HOUR));
        assertTrue(e.getMessage().contains("does not hold it"), e.getMessage());
    }

    @Test
    void renewsAtHalfLease() throws Exception {
        mapper = start(igd.rootUrl().toString());
        PortMapping first = mapper.map(TransportProtocol.UDP, 4500, HOUR);
        igd.actions.clear();

        mapper.maintain();
        assertFalse(igd.actions.contains("AddPortMapping"), "nothing is due yet");

        clock.advance(Duration.ofMinutes(31));
        mapper.maintain();

        PortMappingEvent last = events.get(events.size() - 1);
        assertEquals(Kind.RENEWED, last.kind());
        assertEquals(first.externalPort(), last.mapping().externalPort());
        assertEquals(clock.instant(), last.mapping().grantedAt());
    }

    @Test
    void aNewExternalAddressIsReportedAsChanged() throws Exception {
        mapper = start(igd.rootUrl().toString());
        mapper.map(TransportProtocol.UDP, 4500, HOUR);

        igd.externalAddress = "198.51.100.20";
        mapper.maintain();

        PortMappingEvent last = events.get(events.size() - 1);
        assertEquals(Kind.CHANGED, last.kind());
        assertEquals(InetAddress.getByName("198.51.100.20"), last.mapping().externalAddress());
    }

    @Test
    void aRebootedGatewayGetsTheMappingBack() throws Exception {
        mapper = start(igd.rootUrl().toString());
        mapper.map(TransportProtocol.UDP, 4500, HOUR);

        igd.table.clear();
        mapper.maintain();

        assertEquals(4500, igd.table.get("UDP/4500").internalPort());
        assertEquals(Kind.RENEWED, events.get(events.size() - 1).kind());
    }

    @Test
    void aMappingThatCannotBeRenewedBeforeItExpiresIsLost() throws Exception {
        mapper = start(igd.rootUrl().toString());
        PortMapping m = mapper.map(TransportProtocol.UDP, 4500, HOUR);
        igd.close();

        clock.advance(Duration.ofMinutes(40));
        mapper.maintain();
        assertEquals(Kind.MAPPED, events.get(events.size() - 1).kind(), "still valid: retried later");

        clock.advance(Duration.ofMinutes(30));
        mapper.maintain();
        assertEquals(new PortMappingEvent(Kind.LOST, m), events.get(events.size() - 1));
        assertTrue(log.messages(LogLevel.WARN).stream().anyMatch(l -> l.contains("unreachable")), log.lines().toString());
    }

    @Test
    void releaseDeletesTheMapping() throws Exception {
        mapper = start(igd.rootUrl().toString());
        PortMapping m = mapper.map(TransportProtocol.UDP, 4500, HOUR);

        mapper.release(m);

        assertTrue(igd.table.isEmpty());
        assertThrows(PortMappingException.class, () -> mapper.release(m));
    }

    @Test
    void aRuleAnotherProtocolTookOverIsLeftInPlaceOnStop() throws Exception {
        mapper = start(igd.rootUrl().toString());
        mapper.map(TransportProtocol.UDP, 4500, HOUR);
        FakeIgd.Row pcpRule = new FakeIgd.Row("127.0.0.1", 4500, 3600, "PCP MAP 0123abcd");
        igd.table.put("UDP/4500", pcpRule);

        mapper.deactivate();
        mapper = null;

        assertEquals(pcpRule, igd.table.get("UDP/4500"));
        assertFalse(igd.actions.contains("DeletePortMapping"));
    }

    private UpnpPortMapperComponent start(String rootDescUrl) {
        return start(rootDescUrl, SsdpDiscovery.MULTICAST);
    }

    private UpnpPortMapperComponent start(String rootDescUrl, InetSocketAddress ssdpTarget) {
        UpnpPortMapperComponent m = new UpnpPortMapperComponent(config(rootDescUrl), new LoopbackNetwork(), ssdpTarget, clock,
                log.logger());
        m.addPortMappingListener(events::add);
        return m;
    }

    static UpnpPortMapperComponent.Config config(String rootDescUrl) {
        return new UpnpPortMapperComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return UpnpPortMapperComponent.Config.class;
            }

            @Override
            public String rootDescUrl() {
                return rootDescUrl;
            }

            @Override
            public int discoveryTimeoutSeconds() {
                return 1;
            }

            @Override
            public int leaseSeconds() {
                return 3600;
            }

            @Override
            public int checkIntervalSeconds() {
                return 3600;
            }

            @Override
            public int service_ranking() {
                return 100;
            }
        };
    }
}
