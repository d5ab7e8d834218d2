package io.homeward.tunnel.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.LogLevel;

import io.homeward.api.identity.HostIdentity;
import io.homeward.api.peers.Peer;
import io.homeward.api.sa.SaSpec;
import io.homeward.api.sa.SaStatus;
import io.homeward.api.sa.SecurityAssociationDatabase.Sending;
import io.homeward.api.tunnel.DatagramKind;
import io.homeward.api.tunnel.ReflexiveEndpointListener;
import io.homeward.api.tunnel.TunnelDatagramHandler;
import io.homeward.api.tunnel.TunnelPort;
import io.homeward.kit.text.Ipv6Text;
import io.homeward.testkit.RecordingLogger;
import io.homeward.testkit.MutableHostIdentity;

/** Two tunnel components wired back to back through fake ports and fake TUN devices, with the real suites. */
class TunnelComponentTest {
    private static final Inet6Address ULA_A = ula("fd3c:9a51:e27d:b44:21b:63ff:fe84:5a0c");
    private static final Inet6Address ULA_B = ula("fd77:1e08:2f6c:d913:226:bbff:fe12:3456");
    private static final InetSocketAddress OUTER_A = new InetSocketAddress("203.0.113.7", 4500);
    private static final InetSocketAddress OUTER_B = new InetSocketAddress("198.51.100.20", 61000);
    private static final byte[] KEY_AB = new byte[20];
    private static final byte[] KEY_BA = new byte[20];

    private final FakeTun tunA = new FakeTun();
    private final FakeTun tunB = new FakeTun();
    private TunnelComponent a;
    private TunnelComponent b;

    @AfterEach
    void stop() throws InterruptedException {
        for (TunnelComponent c : new TunnelComponent[] {a, b}) {
            if (c != null) {
                c.deactivate();
            }
        }
    }

    private void wire(String interfaceName) {
        FakePort portA = new FakePort(OUTER_A);
        FakePort portB = new FakePort(OUTER_B);
        portA.peer = portB;
        portB.peer = portA;
        a = new TunnelComponent(new RecordingLogger().logger(), portA, identity(ULA_A), config(interfaceName));
        b = new TunnelComponent(new RecordingLogger().logger(), portB, identity(ULA_B), config(interfaceName));
        for (TunnelComponent c : new TunnelComponent[] {a, b}) {
            c.bindSuite(Suites.AES_GCM, Map.of("service.ranking", 200));
            c.bindSuite(Suites.CHACHA20, Map.of("service.ranking", 100));
        }
        a.bindTunProvider(tunA);
        b.bindTunProvider(tunB);
    }

    @Test
    void aPacketTheHostSendsToThePeersUlaArrivesAtThePeersInterface() throws Exception {
        wire("homeward0");
        a.install(new SaSpec(ULA_B, 0x1000, 0x2000, "", KEY_BA, KEY_AB, OUTER_B));
        b.install(new SaSpec(ULA_A, 0x2000, 0x1000, "", KEY_AB, KEY_BA, OUTER_A));
        awaitTrue(() -> tunA.routes.contains(ULA_B) && tunB.routes.contains(ULA_A));
        assertEquals("homeward0 " + ULA_A.getHostAddress() + " mtu 1435", tunA.opened.get(0));

        byte[] packet = ipv6(ULA_A, ULA_B);
        tunA.fromHost.add(packet);
        awaitTrue(() -> tunB.toHost.size() == 1);
        assertArrayEquals(packet, tunB.toHost.get(0));
        assertEquals("aes-gcm-16", a.list().get(0).suite(), "the highest ranked suite keys an SA that names none");
        assertTrue(b.report().text().contains("in 1 packets 60 bytes"), b.report().text());
    }

    @Test
    void hostsWhoseSasHaveNoEsnTalkAndTheReportSaysSo() throws Exception {
        wire("homeward0");
        a.install(new SaSpec(ULA_B, 0x1000, 0x2000, "", KEY_BA, KEY_AB, OUTER_B, false));
        b.install(new SaSpec(ULA_A, 0x2000, 0x1000, "", KEY_AB, KEY_BA, OUTER_A, false));
        awaitTrue(() -> tunA.routes.contains(ULA_B) && tunB.routes.contains(ULA_A));

        byte[] packet = ipv6(ULA_A, ULA_B);
        tunA.fromHost.add(packet);
        awaitTrue(() -> tunB.toHost.size() == 1);
        assertArrayEquals(packet, tunB.toHost.get(0));
        assertFalse(b.list().get(0).esn());
        assertTrue(a.report().text().contains("aes-gcm-16  esn off  endpoint"), a.report().text());
    }

    @Test
    void anSaWithoutEndpointTakesThePeersFromTheDirectoryAndKeepsItsEsnChoice() throws Exception {
        wire("homeward0");
        InetSocketAddress listed = new InetSocketAddress("192.0.2.7", 4500);
        a.peerChanged(Optional.empty(), Optional.of(new Peer("laptop", ULA_B, Optional.of(listed), Instant.now(), "dns-push")));
        a.install(new SaSpec(ULA_B, 0x1000, 0x2000, "", KEY_BA, KEY_AB, null, false));
        awaitTrue(() -> !a.list().isEmpty());
        assertEquals(listed, a.list().get(0).endpoint());
        assertFalse(a.list().get(0).esn(), "no ESN, as the spec said");
    }

    @Test
    void thePeerDirectoryMovesTheSasEndpointWithoutRekeyingAndRoutesItsUla() throws Exception {
        wire("homeward0");
        a.install(new SaSpec(ULA_B, 0x1000, 0x2000, "aes-gcm-16", KEY_BA, KEY_AB, OUTER_B));
        InetSocketAddress moved = new InetSocketAddress("192.0.2.99", 4500);
        a.peerChanged(Optional.empty(), Optional.of(new Peer("laptop", ULA_B, Optional.of(moved), Instant.now(), "dns-push")));
        awaitTrue(() -> moved.equals(a.list().get(0).endpoint()));
        assertEquals(0x1000, a.list().get(0).inboundSpi());

        Inet6Address third = ula("fd00:1::3");
        a.peerChanged(Optional.empty(), Optional.of(new Peer("desk", third, Optional.empty(), Instant.now(), "poll")));
        awaitTrue(() -> tunA.routes.contains(third));
        a.peerChanged(Optional.of(new Peer("desk", third, Optional.empty(), Instant.now(), "poll")), Optional.empty());
        awaitTrue(() -> !tunA.routes.contains(third));
        assertTrue(tunA.routes.contains(ULA_B), "a peer with an SA stays routed");
    }

    @Test
    void theInterfaceGoesWithItsProviderAndComesBackWithTheRoutesWhileTheSasStay() throws Exception {
        wire("homeward0");
        a.install(new SaSpec(ULA_B, 0x1000, 0x2000, "aes-gcm-16", KEY_BA, KEY_AB, OUTER_B));
        awaitTrue(() -> tunA.routes.contains(ULA_B));
        a.unbindTunProvider(tunA);
        awaitTrue(() -> !tunA.open);
        assertTrue(tunA.routes.isEmpty());
        assertTrue(a.report().text().startsWith("tunnel: waiting for a TUN provider"), a.report().text());
        assertEquals(1, a.list().size());

        a.bindTunProvider(tunA);
        awaitTrue(() -> tunA.open && tunA.routes.contains(ULA_B));
    }

    @Test
    void aNewRankingPicksTheSuiteOfNewSasWhileInstalledSasKeepTheirsAndWork() throws Exception {
        wire("homeward0");
        a.install(new SaSpec(ULA_B, 0x1000, 0x2000, "", KEY_BA, KEY_AB, OUTER_B));
        b.install(new SaSpec(ULA_A, 0x2000, 0x1000, "", KEY_AB, KEY_BA, OUTER_A));
        // Both interfaces up with their routes first: a packet that reaches B before its interface is open is lost.
        awaitTrue(() -> tunA.routes.contains(ULA_B) && tunB.routes.contains(ULA_A));
        for (TunnelComponent c : new TunnelComponent[] {a, b}) {
            c.updatedSuite(Suites.CHACHA20, Map.of("service.ranking", 300));
        }
        assertTrue(a.report().text().contains("suite for new SAs: chacha20-poly1305"), a.report().text());
        assertEquals("aes-gcm-16", a.list().get(0).suite());
        tunA.fromHost.add(ipv6(ULA_A, ULA_B));
        awaitTrue(() -> tunB.toHost.size() == 1);

        Inet6Address third = ula("fd00:1::3");
        a.install(new SaSpec(third, 0x3000, 0x4000, "", new byte[36], new byte[36], OUTER_B));
        assertEquals("chacha20-poly1305", a.list().stream().filter(s -> s.peer().equals(third)).findFirst()
                .orElseThrow().suite());
    }

    @Test
    void aRekeyedPairTakesOverWithoutLossAndThePeerStaysRoutedUntilItsLastPairGoes() throws Exception {
        wire("homeward0");
        a.install(new SaSpec(ULA_B, 0x1000, 0x2000, "", KEY_BA, KEY_AB, OUTER_B));
        b.install(new SaSpec(ULA_A, 0x2000, 0x1000, "", KEY_AB, KEY_BA, OUTER_A));
        awaitTrue(() -> tunA.routes.contains(ULA_B) && tunB.routes.contains(ULA_A));
        byte[] newAb = new byte[20];
        byte[] newBa = new byte[20];
        Arrays.fill(newAb, (byte) 1);
        Arrays.fill(newBa, (byte) 2);
        int spiAtA = a.reserveSpi();
        int spiAtB = b.reserveSpi();

        b.add(new SaSpec(ULA_A, spiAtB, spiAtA, "", newAb, newBa, OUTER_A, true, 64), Sending.AFTER_FIRST_INBOUND);
        a.add(new SaSpec(ULA_B, spiAtA, spiAtB, "", newBa, newAb, null, true, 64), Sending.NOW);
        assertEquals(List.of(OUTER_B, OUTER_B), a.list().stream().map(SaStatus::endpoint).toList(),
                "a pair added without an endpoint shares the peer's");
        assertEquals(List.of(0x2000, spiAtB), b.list().stream().map(SaStatus::inboundSpi).toList());
        tunA.fromHost.add(ipv6(ULA_A, ULA_B));
        awaitTrue(() -> tunB.toHost.size() == 1);

        assertEquals(List.of(spiAtB, 0x2000), b.list().stream().map(SaStatus::inboundSpi).toList(),
                "B sends on the new pair once A used it");
        assertTrue(b.report().text().contains("receiving only"), b.report().text());
        assertTrue(a.remove(ULA_B, 0x1000));
        assertTrue(tunA.routes.contains(ULA_B));
        assertTrue(a.remove(ULA_B, spiAtA));
        assertFalse(tunA.routes.contains(ULA_B), "no pair left and not in the directory");
        assertFalse(a.remove(ULA_B, spiAtA));
    }

    @Test
    void theFirstPairAddedWithoutEndpointTakesThePeersFromTheDirectoryAndAReleasedSpiIsFree() throws Exception {
        wire("homeward0");
        InetSocketAddress listed = new InetSocketAddress("192.0.2.7", 4500);
        a.peerChanged(Optional.empty(), Optional.of(new Peer("laptop", ULA_B, Optional.of(listed), Instant.now(), "dns-push")));
        int spi = a.reserveSpi();
        a.releaseSpi(spi);

        a.add(new SaSpec(ULA_B, spi, 0x2000, "", KEY_BA, KEY_AB, null, true, 64), Sending.AFTER_FIRST_INBOUND);

        awaitTrue(() -> !a.list().isEmpty());
        assertEquals(listed, a.list().get(0).endpoint());
        assertTrue(a.list().get(0).sending(), "a peer's first pair sends at once");
    }

    @Test
    void keyedOnDemandTheFirstPacketWaitsInTheReportAndArrivesOnceThePairIsInstalled() throws Exception {
        wire("homeward0");
        List<Inet6Address> told = new CopyOnWriteArrayList<>();
        a.addMissingSaListener(told::add);
        b.install(new SaSpec(ULA_A, 0x2000, 0x1000, "", KEY_AB, KEY_BA, OUTER_A));
        awaitTrue(() -> tunB.routes.contains(ULA_A) && tunA.open);
        byte[] first = ipv6(ULA_A, ULA_B);
        first[40] = 1;
        tunA.fromHost.add(first);

        awaitTrue(() -> told.equals(List.of(ULA_B)));
        assertTrue(a.report().text().contains("\n  1 packet waits for keying with " + Ipv6Text.format(ULA_B) + " ("),
                a.report().text());
        a.install(new SaSpec(ULA_B, 0x1000, 0x2000, "", KEY_BA, KEY_AB, OUTER_B));
        tunA.fromHost.add(ipv6(ULA_A, ULA_B));

        awaitTrue(() -> tunB.toHost.size() == 2);
        assertArrayEquals(first, tunB.toHost.get(0), "the held packet first");
        assertTrue(a.report().text().contains("; 1 held, 1 sent once keyed\n"), a.report().text());
    }

    @Test
    void holdSettingsOutOfRangeAreLoggedAndTheDefaultsHold() throws Exception {
        RecordingLogger log = new RecordingLogger();
        a = new TunnelComponent(log.logger(), new FakePort(OUTER_A), identity(ULA_A), config("", 0));
        a.addMissingSaListener(destination -> { });

        assertEquals(List.of("Tunnel: holdPacketsPerPeer must be 1..1024, got 0; holding up to 32 packets per peer "
                + "for 8 s instead"), log.messages(LogLevel.ERROR));
        assertTrue(a.report().text().contains("hold for keying: on (up to 32 packets per peer for 8 s"),
                a.report().text());
    }

    @Test
    void anEmptyInterfaceNameKeepsTheDataPlaneOffAndSaysSo() throws Exception {
        wire("");
        awaitTrue(() -> a.report().text().contains("control plane only"));
        assertFalse(tunA.open);
    }

    @Test
    void manualKeysAreParsedOrRefusedWithTheSettingNamed() {
        ManualSa keys = ManualSa.parse("0xc0ffee01", "3237998082", "aes-gcm-16", "00:01:02:03", "0x0a0b", "", false);
        assertEquals(0xc0ffee01, keys.inboundSpi());
        assertEquals(0xc0ffee02, keys.outboundSpi());
        assertArrayEquals(new byte[] {0, 1, 2, 3}, keys.inboundKey());
        assertFalse(keys.forPeer(ULA_A).esn(), "the esn setting reaches the SA spec");
        assertEquals(Optional.of(ULA_A), ManualSa.ula(Ipv6Text.format(ULA_A)));
        assertEquals(Optional.empty(), ManualSa.ula("laptop"));
        assertEquals("inboundSpi must be a 32-bit SPI such as 0xc0ffee01, got 'x'", message(
                () -> ManualSa.parse("x", "1", "", "00", "00", "", true)));
        assertEquals("outboundKey must be hex (the key followed by the 4-byte salt)", message(
                () -> ManualSa.parse("0x1000", "0x2000", "", "00", "zz", "", true)));
        assertEquals("endpoint must be address:port or empty, got 'nowhere'", message(
                () -> ManualSa.parse("0x1000", "0x2000", "", "00", "00", "nowhere", true)));
    }

    private static String message(Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    private static byte[] ipv6(Inet6Address from, Inet6Address to) {
        byte[] p = new byte[60];
        p[0] = 0x60;
        p[5] = 20;
        p[6] = 59;
        p[7] = 64;
        System.arraycopy(from.getAddress(), 0, p, 8, 16);
        System.arraycopy(to.getAddress(), 0, p, 24, 16);
        Arrays.fill(p, 40, 60, (byte) 7);
        return p;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within 5 s");
    }

    /** A tunnel port whose sends, keepalives aside, arrive at its peer's ESP handler from this port's endpoint. */
    private static final class FakePort implements TunnelPort {
        private final InetSocketAddress outer;
        private volatile TunnelDatagramHandler esp;
        private FakePort peer;

        FakePort(InetSocketAddress outer) {
            this.outer = outer;
        }

        @Override
        public int localPort() {
            return 4500;
        }

        @Override
        public void send(byte[] payload, int offset, int length, InetSocketAddress to) {
            TunnelDatagramHandler handler = peer.esp;
            if (length > 1 && handler != null) {
                handler.received(Arrays.copyOfRange(payload, offset, offset + length), 0, length, outer);
            }
        }

        @Override
        public Optional<InetSocketAddress> reflexiveEndpoint() {
            return Optional.empty();
        }

        @Override
        public Registration register(DatagramKind kind, TunnelDatagramHandler handler) {
            assertEquals(DatagramKind.ESP, kind);
            esp = handler;
            return () -> esp = null;
        }

        @Override
        public void addReflexiveEndpointListener(ReflexiveEndpointListener listener) {
        }

        @Override
        public void removeReflexiveEndpointListener(ReflexiveEndpointListener listener) {
        }
    }

    private static HostIdentity identity(Inet6Address ula) {
        return new MutableHostIdentity(ula, "test");
    }

    private static TunnelComponent.Config config(String interfaceName) {
        return config(interfaceName, HoldLimits.DEFAULT_PACKETS_PER_PEER);
    }

    private static TunnelComponent.Config config(String interfaceName, int holdPacketsPerPeer) {
        return new TunnelComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TunnelComponent.Config.class;
            }

            @Override
            public String interfaceName() {
                return interfaceName;
            }

            @Override
            public int outerMtu() {
                return 1500;
            }

            @Override
            public int holdPacketsPerPeer() {
                return holdPacketsPerPeer;
            }

            @Override
            public int holdSeconds() {
                return HoldLimits.DEFAULT_SECONDS;
            }
        };
    }

    private static Inet6Address ula(String text) {
        try {
            return (Inet6Address) InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
