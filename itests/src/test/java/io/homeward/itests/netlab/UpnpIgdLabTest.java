package io.homeward.itests.netlab;

import static io.homeward.itests.netlab.PortMappingLabTest.assertStoppedBySigterm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tunnel port's mapping through UPnP IGD from the lab's miniupnpd, and the live hand-over between
 * mappers: the home host's agent keeps UDP 4500 mapped with the best mapper that works, so stopping the
 * PCP/NAT-PMP bundle in the web console moves the mapping to UPnP IGD, and starting it moves it back,
 * while the runtime keeps running and the café laptop keeps reaching the home host.
 */
class UpnpIgdLabTest {
    private static final int TUNNEL_PORT = 4500;
    private static final int CONSOLE_PORT = 8080;
    private static final String PCP_BUNDLE = "io.homeward.portmap.pcp";
    /** The description this project's UPnP mapper gives its entries on the gateway. */
    private static final String UPNP_OWNER = "homeward";

    @BeforeAll
    static void labUp() throws Exception {
        NetLab.up();
    }

    @AfterAll
    static void labDown() throws Exception {
        NetLab.down();
    }

    @Test
    void netcheckWithPcpAndNatPmpSwitchedOffShowsTheUpnpMappingAndItGoesWithTheRuntime(@TempDir Path dir)
            throws Exception {
        try (NamespacedAgent agent = NamespacedAgent.start("hw-home", dir.resolve("data"), upnpOnly(dir), "homeward:netcheck")) {
            String external = agent.awaitLine("external address:", 90);
            assertTrue(external.strip().endsWith(NetLab.HOME_WAN), external);
            String mapping = agent.awaitLine("mapping:", 10);
            assertTrue(mapping.contains("UDP " + NetLab.HOME_WAN + ":4500 -> port 4500 via upnp-igd"), mapping);
            assertEquals(0, agent.awaitExit(60));
        }
        String rules = NetLab.homeGatewayRules();
        assertFalse(NetLab.forwardsUdp(rules, TUNNEL_PORT), rules);
        assertNull(NetLab.gatewayUdpMappingOwner(TUNNEL_PORT));
    }

    @Test
    void upnpMappingBringsTheLaptopsDatagramHomeAndStoppingTheRuntimeRemovesTheRule(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (InboundProbe probe = InboundProbe.listenAtHome(TUNNEL_PORT);
                NamespacedAgent agent = NamespacedAgent.serve("hw-home", data, upnpOnly(dir), CONSOLE_PORT)) {
            agent.awaitLine("Web console:", 90);
            LabConsole console = new LabConsole("hw-home", CONSOLE_PORT, data, dir);
            NetcheckDocument netcheck = console.awaitMappingBy("upnp-igd", 30);
            assertEquals(NetLab.HOME_WAN + ":4500", netcheck.publicEndpoint(), netcheck.json());
            assertEquals(UPNP_OWNER, NetLab.gatewayUdpMappingOwner(TUNNEL_PORT));
            String rules = NetLab.homeGatewayRules();
            assertTrue(NetLab.forwardsUdp(rules, TUNNEL_PORT), rules);

            assertTrue(probe.deliveredFromLaptop(NetLab.HOME_WAN, TUNNEL_PORT, "hello over upnp", 10),
                    "the laptop's datagram to " + NetLab.HOME_WAN + ":4500 did not reach the home host");

            assertStoppedBySigterm(agent.stop(30));
        }
        String rules = NetLab.homeGatewayRules();
        assertFalse(NetLab.forwardsUdp(rules, TUNNEL_PORT), rules);
        assertNull(NetLab.gatewayUdpMappingOwner(TUNNEL_PORT));
    }

    @Test
    void stoppingThePcpBundleHandsTheMappingToUpnpAndStartingItHandsItBack(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (InboundProbe probe = InboundProbe.listenAtHome(TUNNEL_PORT);
                NamespacedAgent agent = NamespacedAgent.serve("hw-home", data, null, CONSOLE_PORT)) {
            agent.awaitLine("Web console:", 90);
            LabConsole console = new LabConsole("hw-home", CONSOLE_PORT, data, dir);
            assertEquals(NetLab.HOME_WAN + ":4500", console.awaitMappingBy("pcp", 30).publicEndpoint());
            assertGatewayEntryIsPcps();
            assertTrue(probe.deliveredFromLaptop(NetLab.HOME_WAN, TUNNEL_PORT, "before the hand-over", 10),
                    "no datagram reached the home host through the PCP mapping");

            console.bundle(PCP_BUNDLE, "stop", LabConsole.RESOLVED);
            NetcheckDocument upnp = console.awaitMappingBy("upnp-igd", 30);
            assertEquals(NetLab.HOME_WAN + ":4500", upnp.publicEndpoint(), upnp.json());
            // 30 tries over 15 s: if the departing PCP mapper's delete removed the new rule, the chooser asks
            // UPnP again after 10 s (MappingChooser.HANDOVER_RECHECK).
            assertTrue(probe.deliveredFromLaptop(NetLab.HOME_WAN, TUNNEL_PORT, "after the hand-over to upnp", 30),
                    "no datagram reached the home host after PCP stopped; netcheck says " + console.netcheck().json());
            assertEquals(UPNP_OWNER, NetLab.gatewayUdpMappingOwner(TUNNEL_PORT));

            console.bundle(PCP_BUNDLE, "start", LabConsole.ACTIVE);
            NetcheckDocument pcp = console.awaitMappingBy("pcp", 30);
            assertEquals(NetLab.HOME_WAN + ":4500", pcp.publicEndpoint(), pcp.json());
            assertTrue(probe.deliveredFromLaptop(NetLab.HOME_WAN, TUNNEL_PORT, "after pcp took over again", 30),
                    "no datagram reached the home host after PCP came back; netcheck says " + console.netcheck().json());
            assertGatewayEntryIsPcps();

            assertStoppedBySigterm(agent.stop(30));
        }
        String rules = NetLab.homeGatewayRules();
        assertFalse(NetLab.forwardsUdp(rules, TUNNEL_PORT), rules);
    }

    /** miniupnpd names the entries it made for PCP requests "PCP MAP <nonce>". */
    private static void assertGatewayEntryIsPcps() throws IOException, InterruptedException {
        String owner = NetLab.gatewayUdpMappingOwner(TUNNEL_PORT);
        assertTrue(owner != null && owner.startsWith("PCP MAP"), "the gateway's entry for UDP 4500 belongs to " + owner);
    }

    /** A configuration that switches PCP and NAT-PMP off, so UPnP IGD is the only mapper that can work. */
    private static Path upnpOnly(Path dir) throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("homeward.json"), """
                {
                  ":configurator:resource-version": 1,
                  ":configurator:symbolic-name": "io.homeward.netlab.upnp",
                  ":configurator:version": "1.0.0",
                  "io.homeward.portmap.pcp": { "enablePcp": false, "enableNatPmp": false }
                }
                """);
        return config;
    }
}
