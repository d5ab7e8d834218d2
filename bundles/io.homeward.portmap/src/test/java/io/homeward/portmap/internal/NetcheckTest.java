package io.homeward.portmap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeward.api.portmap.MapperProtocol;
import io.homeward.api.portmap.NetcheckReport;
import io.homeward.api.portmap.PortMapping;
import io.homeward.testkit.MutableClock;

class NetcheckTest {
    private final MutableClock clock = new MutableClock();
    private final FakeMapper pcp = new FakeMapper(MapperProtocol.PCP, "203.0.113.7", 4500, clock, new ArrayList<>());
    private final Instant at = clock.instant();

    @Test
    void aHomeHostWithAPublicMappingHasNothingToWarnAbout() {
        PortMapping m = pcp.mapping(4500, Duration.ofHours(1));
        NetcheckReport r = Netcheck.diagnose(new ChooserState(true, 4500, m, List.of(
                new MapperView("pcp", 200, true, new ProtocolResult(true, "", at)),
                new MapperView("upnp-igd", 100, false, null))), local("192.168.1.10"));

        assertEquals("behind NAT (private address 192.168.1.10)", r.host());
        assertEquals(List.of(), r.warnings());
        assertEquals("answered; holds the mapping", r.protocols().get(0).outcome());
        assertEquals("not asked: a better-ranked protocol holds the mapping", r.protocols().get(1).outcome());
        String text = NetcheckText.render(r);
        assertTrue(text.contains("external address:           203.0.113.7"), text);
        assertTrue(text.contains("UDP 203.0.113.7:4500 -> port 4500 via pcp, expires 2026-01-01T01:00:00Z"), text);
    }

    @Test
    void aCarrierGradeExternalAddressIsDoubleNat() {
        pcp.externalAddress = "100.64.3.4";
        NetcheckReport r = Netcheck.diagnose(answered(pcp.mapping(4500, Duration.ofHours(1))), local("192.168.1.10"));

        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("Double NAT"), r.warnings().get(0));
        assertTrue(r.warnings().get(0).contains("carrier-grade NAT range 100.64.0.0/10"));
        assertTrue(r.warnings().get(0).contains("a mapping on your router does not make this host reachable"));
    }

    @Test
    void aPrivateExternalAddressIsDoubleNat() {
        pcp.externalAddress = "10.20.0.2";
        NetcheckReport r = Netcheck.diagnose(answered(pcp.mapping(4500, Duration.ofHours(1))), local("192.168.1.10"));

        assertTrue(r.warnings().get(0).contains("10.20.0.2 is a private address"), r.warnings().get(0));
        assertTrue(r.warnings().get(0).contains(Netcheck.DOUBLE_NAT));
    }

    @Test
    void aGatewayThatAnswersNothingMeansNoPortMapping() {
        NetcheckReport r = Netcheck.diagnose(new ChooserState(true, 4500, null, List.of(
                new MapperView("pcp", 200, false, new ProtocolResult(false, "no answer on UDP 5351", at)),
                new MapperView("upnp-igd", 100, false, new ProtocolResult(false, "no SSDP answer", at)))),
                local("192.168.7.3"));

        assertEquals(List.of("None of pcp, upnp-igd gave a mapping: no port mapping available. Turn on UPnP or"
                + " NAT-PMP/PCP on your router, or forward UDP port 4500 to this host by hand."), r.warnings());
        assertEquals("no mapping: no answer on UDP 5351", r.protocols().get(0).outcome());
        assertTrue(NetcheckText.render(r).contains("mapping:                    none"));
    }

    @Test
    void aRouterWithoutAPublicAddressIsDoubleNat() {
        NetcheckReport r = Netcheck.diagnose(new ChooserState(true, 4500, null, List.of(
                new MapperView("pcp", 200, false, new ProtocolResult(false, "its own WAN address is private: a double"
                        + " NAT, where port mapping cannot help", at)),
                new MapperView("upnp-igd", 100, false, new ProtocolResult(false, "no SSDP answer", at)))),
                local("192.168.3.10"));

        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).startsWith("Double NAT: your router has no public address of its own"));
        assertTrue(r.warnings().get(0).contains(Netcheck.DOUBLE_NAT));
    }

    @Test
    void noInstalledMapperIsSaid() {
        NetcheckReport r = Netcheck.diagnose(new ChooserState(true, 4500, null, List.of()), local("10.1.1.1"));

        assertTrue(r.warnings().get(0).startsWith("No port mapper is installed: no port mapping available"));
    }

    @Test
    void aPublicHostNeedsNoMapping() {
        NetcheckReport r = Netcheck.diagnose(new ChooserState(true, 4500, null, List.of(
                new MapperView("pcp", 200, false, new ProtocolResult(false, "no answer", at)))),
                local("127.0.0.1", "198.51.100.30"));

        assertEquals("public address 198.51.100.30 (no NAT in front of this host)", r.host());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void aHostOnACarrierGradeAddressIsSaidToBeBehindIt() {
        NetcheckReport r = Netcheck.diagnose(new ChooserState(true, 4500, null, List.of()), local("100.100.1.1"));

        assertEquals("behind carrier-grade NAT (shared address 100.100.1.1)", r.host());
    }

    @Test
    void switchedOffIsSaid() {
        NetcheckReport r = Netcheck.diagnose(new ChooserState(false, 4500, null, List.of()), local("10.1.1.1"));

        assertEquals(List.of("Port mapping is switched off (io.homeward.portmap, enabled = false)."), r.warnings());
    }

    @Test
    void unreadableAddressesAreAWarningNotACrash() {
        NetcheckReport r = Netcheck.diagnose(new ChooserState(true, 4500, null, List.of()), () -> {
            throw new IllegalStateException("the network interfaces cannot be listed: denied");
        });

        assertEquals("no IPv4 address: not connected to a network", r.host());
        assertTrue(r.warnings().get(0).contains("denied"));
    }

    @Test
    void theCommandRendersTheCurrentState() {
        NetcheckCommand command = new NetcheckCommand(new NetcheckComponent(
                () -> new ChooserState(true, 4500, null, List.of()), local("192.168.1.10")));

        String text = command.netcheck();
        assertTrue(text.startsWith("Homeward network check\n"), text);
        assertTrue(text.contains("gateway protocols:          none installed"), text);
        assertTrue(text.contains("WARNING: No port mapper is installed"), text);
    }

    private ChooserState answered(PortMapping m) {
        return new ChooserState(true, 4500, m, List.of(new MapperView("pcp", 200, true,
                new ProtocolResult(true, "", at))));
    }

    private static LocalAddresses local(String... addresses) {
        List<Inet4Address> list = new ArrayList<>();
        for (String a : addresses) {
            try {
                list.add((Inet4Address) InetAddress.getByName(a));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }
        return () -> list;
    }
}
