package io.homeward.itests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent runtime against a real gateway: miniupnpd in the lab's home gateway, a plain NAT in the
 * café and a double NAT. The agent runs in a namespace with {@code --exec "homeward:portmap map udp PORT SECONDS"},
 * which maps the port with the PCP/NAT-PMP mapper and prints every mapping event for that long, or with
 * {@code --exec "homeward:netcheck"}, the diagnosis of the chooser that keeps the tunnel port mapped.
 */
class PortMappingLabTest {

    @BeforeAll
    static void labUp() throws Exception {
        NetLab.up();
    }

    @AfterAll
    static void labDown() throws Exception {
        NetLab.down();
    }

    /** Port 4510, not the tunnel port 4500 that the agent's own mapping chooser maps at the same time. */
    @Test
    void pcpMappingFromMiniupnpdBringsTheLaptopsDatagramHomeAndStoppingRemovesIt(@TempDir Path dir) throws Exception {
        try (InboundProbe probe = InboundProbe.listenAtHome(4510);
                NamespacedAgent agent = NamespacedAgent.start("hw-home", dir.resolve("data"), null, "homeward:portmap map udp 4510 60")) {
            String mapped = agent.awaitLine("mapped ", 90);
            assertTrue(mapped.startsWith("mapped UDP 4510 -> " + NetLab.HOME_WAN + ":4510 via pcp"), mapped);
            String rules = NetLab.homeGatewayRules();
            assertTrue(NetLab.forwardsUdp(rules, 4510), rules);

            assertTrue(probe.deliveredFromLaptop(NetLab.HOME_WAN, 4510, "hello from the cafe", 10),
                    "the laptop's datagram to " + NetLab.HOME_WAN + ":4510 did not reach the home host");

            assertStoppedBySigterm(agent.stop(30));
            String after = NetLab.homeGatewayRules();
            assertFalse(NetLab.forwardsUdp(after, 4510), after);
        }
    }

    @Test
    void natPmpIsUsedWhenPcpIsDisabledAndTheMappingGoesWithTheRuntime(@TempDir Path dir) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("homeward.json"), """
                {
                  ":configurator:resource-version": 1,
                  ":configurator:symbolic-name": "io.homeward.netlab",
                  ":configurator:version": "1.0.0",
                  "io.homeward.portmap.pcp": { "enablePcp": false }
                }
                """);
        try (NamespacedAgent agent = NamespacedAgent.start("hw-home", dir.resolve("data"), config, "homeward:portmap map udp 4600 0")) {
            String mapped = agent.awaitLine("mapped ", 90);
            assertTrue(mapped.startsWith("mapped UDP 4600 -> " + NetLab.HOME_WAN + ":4600 via nat-pmp"), mapped);
            assertEquals(0, agent.awaitExit(60));
        }
        String rules = NetLab.homeGatewayRules();
        assertFalse(NetLab.forwardsUdp(rules, 4600), rules);
    }

    @Test
    void aGatewayRebootAndANewPublicAddressAreNoticedAtOnce(@TempDir Path dir) throws Exception {
        try (NamespacedAgent agent = NamespacedAgent.start("hw-home", dir.resolve("data"), null, "homeward:portmap map udp 4700 120")) {
            agent.awaitLine("event MAPPED UDP 4700", 90);

            assertEquals(0, NetLab.script("restart-miniupnpd").exit());
            agent.awaitLine("event MAPPED UDP 4700 -> " + NetLab.HOME_WAN + ":4700", 5);
            String rules = NetLab.homeGatewayRules();
            assertTrue(NetLab.forwardsUdp(rules, 4700), rules);

            try {
                assertEquals(0, NetLab.script("set-home-wan", "11.0.0.22").exit());
                agent.awaitLine("event CHANGED UDP 4700 -> 11.0.0.22:4700", 5);
            } finally {
                NetLab.script("set-home-wan", NetLab.HOME_WAN);
            }
            agent.awaitLine("event CHANGED UDP 4700 -> " + NetLab.HOME_WAN + ":4700", 5);
            assertStoppedBySigterm(agent.stop(30));
        }
    }

    @Test
    void theDoubleNatIsDiagnosed(@TempDir Path dir) throws Exception {
        try (NamespacedAgent agent = NamespacedAgent.start("hw-home2", dir.resolve("data"), null, "homeward:portmap map udp 4500 0")) {
            String line = agent.awaitLine("no port mapping available", 90);
            assertTrue(line.contains("double NAT"), line);
            assertEquals(0, agent.awaitExit(60));
        }
    }

    @Test
    void theCafeLaptopHasNoPortMappingAndKeepsRunning(@TempDir Path dir) throws Exception {
        try (NamespacedAgent agent = NamespacedAgent.start("hw-laptop", dir.resolve("data"), null, "homeward:portmap map udp 4500 0")) {
            String line = agent.awaitLine("no port mapping available", 90);
            assertTrue(line.contains("the gateway 10.10.0.1 runs no PCP or NAT-PMP server"), line);
            assertEquals(0, agent.awaitExit(60));
        }
    }

    @Test
    void netcheckAtHomeShowsThePcpMappingOfTheTunnelPort(@TempDir Path dir) throws Exception {
        try (NamespacedAgent agent = NamespacedAgent.start("hw-home", dir.resolve("data"), null, "homeward:netcheck")) {
            String line = agent.awaitLine("mapping:", 90);
            assertTrue(line.contains("UDP " + NetLab.HOME_WAN + ":4500 -> port 4500 via pcp"), line);
            assertEquals(0, agent.awaitExit(60));
        }
        String rules = NetLab.homeGatewayRules();
        assertFalse(NetLab.forwardsUdp(rules, 4500), rules);
    }

    @Test
    void netcheckBehindTheDoubleNatSaysSo(@TempDir Path dir) throws Exception {
        try (NamespacedAgent agent = NamespacedAgent.start("hw-home2", dir.resolve("data"), null, "homeward:netcheck")) {
            agent.awaitLine("WARNING: Double NAT", 90);
            assertEquals(0, agent.awaitExit(60));
        }
    }

    @Test
    void netcheckOnTheCafeLaptopSaysNoPortMappingAvailable(@TempDir Path dir) throws Exception {
        try (NamespacedAgent agent = NamespacedAgent.start("hw-laptop", dir.resolve("data"), null, "homeward:netcheck")) {
            agent.awaitLine("no port mapping available", 90);
            assertEquals(0, agent.awaitExit(60));
        }
    }

    /** A JVM ended by SIGTERM while running a command exits with 128 + 15 after its shutdown hook stopped the framework. */
    static void assertStoppedBySigterm(int exit) {
        assertTrue(exit == 0 || exit == 143, "exit status " + exit);
    }
}
