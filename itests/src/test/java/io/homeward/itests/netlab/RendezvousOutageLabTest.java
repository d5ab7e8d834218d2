package io.homeward.itests.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.homeward.itests.LabDirectory;

/**
 * Once two hosts have their tunnel, the rendezvous is no longer on the path: home behind the miniupnpd gateway and
 * the laptop in the café keep their SA pair, rekey it and resolve each other's names from their directories while
 * the rendezvous is unreachable for a minute and while it restarts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RendezvousOutageLabTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "lab-correct-horse-battery";
    private static final String ZONE = LabRendezvous.zone(USER);
    /** Child SAs rekeyed every 20 s, so that the minute without the rendezvous sees two rekeys. */
    private static final String MORE = "\"io.homeward.resolver\": { \"rendezvousServer\": \"" + LabRendezvous.DNS
            + "\" },\n  \"io.homeward.ike\": { \"childRekeySeconds\": 20, \"childLifetimeSeconds\": 40,"
            + " \"rekeyJitterPercent\": 0 }";
    /** Each host's own nftables table, so that blocking the rendezvous touches nothing of the lab's. */
    private static final String BLOCK_TABLE = "homeward_outage_test";
    /** The stream's echoes in flight at a scheduling hiccup; the tunnel itself does not notice the restart. */
    private static final int RESTART_ECHOES_AT_MOST_LOST = 2;
    private static final Pattern RECEIVED = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
    private static final Pattern INBOUND_SPI = Pattern.compile("spi in ([0-9a-f]{8})");

    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-outage");
    private static Path work;
    private static LabRendezvous rendezvous;
    private static LabHost home;
    private static LabHost laptop;
    private static String homeUla;
    private static String laptopUla;

    @BeforeAll
    static void homeAndLaptopWithATunnel() throws Exception {
        NetLab.up();
        work = WORK.path();
        rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
        home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD, rendezvous.pin(), 5400, MORE);
        laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD, rendezvous.pin(),
                5400, MORE);
        LabHost.startTogether(home::start, laptop::start);
        homeUla = home.awaitPublished(90).ula();
        laptopUla = laptop.awaitPublished(90).ula();
        laptop.awaitPeerAt("home", NetLab.HOME_WAN + ":4500", 30);
        laptop.awaitNames("UDP and TCP, on homeward0", 30);
        assertTrue(NetLab.ping("hw-laptop", homeUla), "the tunnel before the outage: " + laptop.tunnels());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        NetLab.down(laptop, home, rendezvous);
    }

    @Test
    @Order(1)
    void aMinuteWithoutTheRendezvousBreaksNeitherNamesNorTheTunnelAndTheChildSaRekeys() throws Exception {
        Set<String> spisBefore = inboundSpis(laptop);
        block("hw-laptop");
        block("hw-home");
        try {
            Process pings = pingStream(300, 0.2);
            TimeUnit.SECONDS.sleep(30);
            assertEquals(List.of(homeUla), digHome(), "home's name from the laptop's directory, mid-outage");
            assertTrue(pings.waitFor(60, TimeUnit.SECONDS), "ping did not finish");
            int[] counts = counts(pings);
            System.out.printf(Locale.ROOT, "a minute without the rendezvous: %d of %d echoes answered%n", counts[1],
                    counts[0]);
            assertTrue(counts[1] >= counts[0] - 2, "echoes lost without the rendezvous: " + counts[1] + " of "
                    + counts[0] + "\n" + laptop.tunnels() + laptop.ike());
            Set<String> spisAfter = inboundSpis(laptop);
            assertTrue(!spisAfter.isEmpty() && spisAfter.stream().noneMatch(spisBefore::contains),
                    "the Child SA rekeyed meanwhile: " + spisBefore + " then " + spisAfter + "\n" + laptop.ike());
            assertEquals(List.of(homeUla), digHome(), "home's name after the outage");
        } finally {
            unblock("hw-laptop");
            unblock("hw-home");
        }
    }

    @Test
    @Order(2)
    void aRendezvousRestartLeavesTheTunnelUpAndBothHostsPublishedAgain() throws Exception {
        Process pings = pingStream(150, 0.2);
        rendezvous.restart();
        assertTrue(pings.waitFor(60, TimeUnit.SECONDS), "ping did not finish");
        int[] counts = counts(pings);
        System.out.printf(Locale.ROOT, "rendezvous restart: %d of %d echoes answered%n", counts[1], counts[0]);
        // While the rendezvous restarts its STUN server is silent too: the café laptop keeps its last answer (it did
        // not move) and announces no private address, so the tunnel goes on as if nothing happened.
        assertTrue(counts[1] >= counts[0] - RESTART_ECHOES_AT_MOST_LOST, "echoes lost across the restart: " + counts[1]
                + " of " + counts[0]);
        List<String> zone = LabRendezvous.zoneRecords(USER, PASSWORD);
        assertTrue(zone.contains("home." + ZONE + " aaaa " + homeUla),
                "the restarted rendezvous serves home's address: " + zone);
        assertEquals(List.of(homeUla), digHome());
    }

    private static Process pingStream(int count, double interval) throws IOException {
        return new ProcessBuilder("ip", "netns", "exec", "hw-laptop", "ping", "-6", "-n", "-q", "-c",
                Integer.toString(count), "-i", Double.toString(interval), "-W", "1", homeUla)
                .redirectErrorStream(true).start();
    }

    private static int[] counts(Process pings) throws IOException {
        String out = new String(pings.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = RECEIVED.matcher(out);
        assertTrue(m.find(), out);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private static Set<String> inboundSpis(LabHost host) throws IOException, InterruptedException {
        Set<String> spis = new TreeSet<>();
        Matcher m = INBOUND_SPI.matcher(host.tunnels());
        while (m.find()) {
            spis.add(m.group(1));
        }
        return spis;
    }

    private static List<String> digHome() throws IOException, InterruptedException {
        NetLab.Result r = NetLab.in("hw-laptop", "dig", "@" + laptopUla, "+time=3", "+tries=1", "+short",
                "home." + ZONE, "AAAA");
        assertEquals(0, r.exit(), r.out());
        return r.out().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static void block(String namespace) throws IOException, InterruptedException {
        NetLab.Result blocked = NetLab.in(namespace, "nft", "add table inet " + BLOCK_TABLE
                + " ; add chain inet " + BLOCK_TABLE + " out { type filter hook output priority 0 ; }"
                + " ; add rule inet " + BLOCK_TABLE + " out ip daddr " + LabRendezvous.ADDRESS + " drop");
        assertEquals(0, blocked.exit(), blocked.out());
    }

    private static void unblock(String namespace) throws IOException, InterruptedException {
        NetLab.in(namespace, "nft", "delete table inet " + BLOCK_TABLE);
    }
}
