package io.homeward.portmap.pcp.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

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
import io.homeward.portmap.pcp.internal.net.GatewayExchange;
import io.homeward.portmap.pcp.internal.wire.Samples;
import io.homeward.testkit.ManualScheduler;
import io.homeward.testkit.MutableClock;
import io.homeward.testkit.RecordingLogger;

/** The mapper against a fake gateway on loopback, with a manual clock and timer thread. */
class MappingKeeperTest {
    private static final InetAddress PUBLIC = Samples.address("11.0.0.2");

    private final FakeNetwork network = new FakeNetwork();
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingLogger log = new RecordingLogger();
    private final List<PortMappingEvent> events = new CopyOnWriteArrayList<>();
    private FakeGateway gateway;

    @BeforeEach
    void startGateway() throws Exception {
        gateway = new FakeGateway();
    }

    @AfterEach
    void stopGateway() throws Exception {
        gateway.close();
    }

    private MappingKeeper keeper(boolean pcp, boolean natPmp, int attempts, int port) {
        GatewayExchange exchange = new GatewayExchange(log.logger());
        return new MappingKeeper(network, port, new ProtocolClient(exchange), exchange::close,
                new ProtocolClient(new GatewayExchange(log.logger())), MapperSettings.of(pcp, natPmp, 3600, attempts),
                scheduler, clock, new Random(7), events::add, log.logger());
    }

    private MappingKeeper keeper() {
        return keeper(true, true, 3, gateway.port());
    }

    private List<Kind> kinds() {
        return events.stream().map(PortMappingEvent::kind).toList();
    }

    @Test
    void pcpMappingIsGrantedThenRenewedAtHalfItsLifetimeWithTheSameNonce() throws Exception {
        MappingKeeper keeper = keeper();
        PortMapping mapping = keeper.map(TransportProtocol.UDP, 4500, Duration.ZERO);
        assertEquals(new PortMapping(MapperProtocol.PCP, TransportProtocol.UDP, 4500, PUBLIC, 4500, Duration.ofSeconds(3600),
                clock.instant()), mapping);
        assertEquals(List.of(Kind.MAPPED), kinds());
        assertEquals(Optional.of(Duration.ofSeconds(1800)), scheduler.nextDelay());

        gateway.epoch = 1900;
        scheduler.advance(Duration.ofSeconds(1800));
        assertEquals(List.of(Kind.MAPPED, Kind.RENEWED), kinds());
        List<byte[]> sent = gateway.requestsOfVersion(2);
        assertEquals(2, sent.size());
        assertArrayEquals(Arrays.copyOfRange(sent.get(0), 24, 36), Arrays.copyOfRange(sent.get(1), 24, 36));
    }

    @Test
    void aNatPmpOnlyGatewayGetsNatPmpAfterRefusingPcpByVersion() throws Exception {
        gateway.speaks = FakeGateway.Speaks.NAT_PMP_ONLY;
        gateway.portOffset = 1000;
        PortMapping mapping = keeper().map(TransportProtocol.UDP, 4500, Duration.ofSeconds(7200));
        assertEquals(MapperProtocol.NAT_PMP, mapping.mapper());
        assertEquals(PUBLIC, mapping.externalAddress());
        assertEquals(5500, mapping.externalPort());
        assertEquals(Duration.ofSeconds(7200), mapping.lifetime());
        assertEquals(1, gateway.requestsOfVersion(2).size());
        assertTrue(log.has(LogLevel.INFO, "trying nat-pmp"), log.lines()::toString);
    }

    @Test
    void withPcpDisabledOnlyNatPmpIsSent() throws Exception {
        assertEquals(MapperProtocol.NAT_PMP, keeper(false, true, 3, gateway.port()).map(TransportProtocol.TCP, 4500, null).mapper());
        assertEquals(0, gateway.requestsOfVersion(2).size());
    }

    @Test
    void whenTheGatewayDropsNatPmpTheRenewalMovesToPcp() throws Exception {
        gateway.speaks = FakeGateway.Speaks.NAT_PMP_ONLY;
        MappingKeeper keeper = keeper();
        keeper.map(TransportProtocol.UDP, 4500, null);
        gateway.speaks = FakeGateway.Speaks.PCP_ONLY;
        gateway.epoch = 1900;
        scheduler.advance(Duration.ofSeconds(1800));
        assertEquals(List.of(Kind.MAPPED, Kind.RENEWED), kinds());
        assertEquals(MapperProtocol.PCP, events.get(1).mapping().mapper());
        assertEquals(MapperProtocol.PCP, keeper.protocol());
    }

    @Test
    void aGatewaySpeakingOnlyTheDisabledProtocolIsExplained() {
        gateway.speaks = FakeGateway.Speaks.PCP_ONLY;
        PortMappingException e = assertThrows(PortMappingException.class,
                () -> keeper(false, true, 3, gateway.port()).map(TransportProtocol.UDP, 4500, null));
        assertTrue(e.getMessage().contains("set enablePcp=true"), e::getMessage);
    }

    @Test
    void wrongNonceAndGarbageRepliesAreLoggedAndSkipped() throws Exception {
        byte[] otherNonce = Samples.bytes(Samples.PCP_MAP_RESPONSE);
        gateway.before.add(otherNonce);
        gateway.before.add(new byte[] {2, (byte) 0x81, 0});
        gateway.before.add(Samples.bytes("00 81 00 00 00 00 0e 15 11 94 ee 48 00 00 1c 20"));
        PortMapping mapping = keeper().map(TransportProtocol.UDP, 4500, null);
        assertEquals(4500, mapping.externalPort());
        assertTrue(log.has(LogLevel.WARN, "nonce is not the one sent"), log.lines()::toString);
        assertTrue(log.has(LogLevel.WARN, "too short"), log.lines()::toString);
        assertTrue(log.has(LogLevel.WARN, "not an 'unsupported version' reply"), log.lines()::toString);
    }

    @Test
    void aSilentGatewayEndsInAClearErrorAfterTheRetries() {
        gateway.silent = true;
        PortMappingException e = assertThrows(PortMappingException.class,
                () -> keeper(true, true, 2, gateway.port()).map(TransportProtocol.UDP, 4500, null));
        assertTrue(e.getMessage().contains("did not answer") && e.getMessage().contains("2 tries"), e::getMessage);
        assertEquals(2, gateway.requests.size());
    }

    @Test
    void aGatewayWithoutServerIsReportedAtOnce() throws Exception {
        int closedPort;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closedPort = probe.getLocalPort();
        }
        PortMappingException e = assertThrows(PortMappingException.class,
                () -> keeper(true, true, 9, closedPort).map(TransportProtocol.UDP, 4500, null));
        assertTrue(e.getMessage().contains("runs no PCP or NAT-PMP server"), e::getMessage);
    }

    @Test
    void aGatewayBehindAnotherNatIsDiagnosedAndItsUselessMappingDeleted() throws Exception {
        gateway.external = Samples.address("100.64.0.2");
        MappingKeeper keeper = keeper();
        PortMappingException e = assertThrows(PortMappingException.class,
                () -> keeper.map(TransportProtocol.UDP, 4500, null));
        assertTrue(e.getMessage().startsWith("double NAT") && e.getMessage().contains("100.64.0.2"), e::getMessage);
        assertEquals(1, gateway.deletes(2).size());
        assertTrue(keeper.status().mappings().isEmpty());
        assertEquals(e.getMessage(), keeper.status().problem());
    }

    @Test
    void aRouterWithoutPublicAddressMentionsDoubleNat() {
        gateway.pcpResult = 7;
        PortMappingException e = assertThrows(PortMappingException.class,
                () -> keeper().map(TransportProtocol.UDP, 4500, null));
        assertTrue(e.getMessage().contains("double NAT") && e.getMessage().contains("NETWORK_FAILURE"), e::getMessage);
    }

    @Test
    void aPcpRefusalIsExplainedByTheNatPmpAddressRequest() {
        gateway.pcpResult = 8;
        gateway.natPmpResult = 3;
        PortMappingException e = assertThrows(PortMappingException.class,
                () -> keeper().map(TransportProtocol.UDP, 4500, null));
        assertTrue(e.getMessage().contains("no usable public address") && e.getMessage().contains("double NAT"), e::getMessage);
    }

    @Test
    void aPcpRefusalWithAPublicAddressBehindItStaysAsItWas() {
        gateway.pcpResult = 8;
        PortMappingException e = assertThrows(PortMappingException.class,
                () -> keeper().map(TransportProtocol.UDP, 4500, null));
        assertEquals("the router is out of resources (PCP NO_RESOURCES)", e.getMessage());
    }

    @Test
    void aHostWithAPublicAddressNeedsNoMapping() {
        network.local = Samples.address("11.0.0.9");
        PortMappingException e = assertThrows(PortMappingException.class,
                () -> keeper().map(TransportProtocol.UDP, 4500, null));
        assertEquals("this host has a public address (11.0.0.9); no mapping needed", e.getMessage());
        assertTrue(gateway.requests.isEmpty());
    }

    @Test
    void noDefaultGatewayIsExplained() {
        network.gateway = Optional.empty();
        PortMappingException e = assertThrows(PortMappingException.class,
                () -> keeper().map(TransportProtocol.UDP, 4500, null));
        assertTrue(e.getMessage().contains("no default IPv4 gateway"), e::getMessage);
    }

    @Test
    void aRebootSeenAtOneRenewalRecreatesEveryMapping() throws Exception {
        MappingKeeper keeper = keeper();
        keeper.map(TransportProtocol.UDP, 4500, null);
        keeper.map(TransportProtocol.TCP, 4501, null);
        gateway.epoch = 3;
        scheduler.advance(Duration.ofSeconds(1800));
        assertEquals(List.of(Kind.MAPPED, Kind.MAPPED, Kind.RENEWED, Kind.MAPPED), kinds());
        assertEquals(TransportProtocol.TCP, events.get(3).mapping().transport());
        assertTrue(log.has(LogLevel.INFO, "lost its mappings"), log.lines()::toString);
    }

    @Test
    void anAnnouncementRemapsAtOnceAndReportsTheNewAddress() throws Exception {
        MappingKeeper keeper = keeper();
        keeper.map(TransportProtocol.UDP, 4500, null);
        gateway.external = Samples.address("11.0.0.22");
        gateway.epoch = 0;
        keeper.announcement(new InetSocketAddress(InetAddress.getLoopbackAddress(), 5351), MapperProtocol.NAT_PMP, 0,
                gateway.external);
        assertEquals(List.of(Kind.MAPPED, Kind.CHANGED), kinds());
        assertEquals(gateway.external, events.get(1).mapping().externalAddress());
        assertEquals(gateway.external, keeper.status().externalAddress());
    }

    @Test
    void anAnnouncementFromAnotherHostIsIgnored() throws Exception {
        MappingKeeper keeper = keeper();
        keeper.map(TransportProtocol.UDP, 4500, null);
        keeper.announcement(new InetSocketAddress(Samples.address("127.0.0.2"), 5351), MapperProtocol.PCP, 0, null);
        assertEquals(List.of(Kind.MAPPED), kinds());
        assertEquals(1, gateway.requests.size());
        assertTrue(log.has(LogLevel.WARN, "only the gateway"), log.lines()::toString);
    }

    @Test
    void releaseDeletesWithTheMappingsNonce() throws Exception {
        MappingKeeper keeper = keeper();
        PortMapping mapping = keeper.map(TransportProtocol.UDP, 4500, null);
        keeper.release(mapping);
        List<byte[]> deletes = gateway.deletes(2);
        assertEquals(1, deletes.size());
        assertArrayEquals(Arrays.copyOfRange(gateway.requests.get(0), 24, 36), Arrays.copyOfRange(deletes.get(0), 24, 36));
        assertTrue(keeper.status().mappings().isEmpty());
        assertThrows(PortMappingException.class, () -> keeper.release(mapping));
    }

    @Test
    void stoppingDeletesEveryMappingAndRefusesNewOnes() throws Exception {
        gateway.speaks = FakeGateway.Speaks.NAT_PMP_ONLY;
        MappingKeeper keeper = keeper();
        keeper.map(TransportProtocol.UDP, 4500, null);
        keeper.map(TransportProtocol.UDP, 4600, null);
        keeper.close();
        assertEquals(2, gateway.deletes(0).size());
        assertThrows(PortMappingException.class, () -> keeper.map(TransportProtocol.UDP, 4500, null));
    }

    @Test
    void aRenewalThatKeepsFailingEndsInLost() throws Exception {
        MappingKeeper keeper = keeper(true, true, 1, gateway.port());
        keeper.map(TransportProtocol.UDP, 4500, null);
        gateway.silent = true;
        scheduler.advance(Duration.ofSeconds(1800));
        assertEquals(Optional.of(Duration.ofSeconds(900)), scheduler.nextDelay());
        clock.advance(Duration.ofSeconds(1800));
        scheduler.runDue();
        assertEquals(List.of(Kind.MAPPED, Kind.LOST), kinds());
        assertTrue(keeper.status().mappings().isEmpty());
    }
}
