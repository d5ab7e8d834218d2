package io.homeward.itests.netlab;

import static io.homeward.itests.netlab.NetLab.ping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * IKEv2 with the host certificates in the network lab: home behind the miniupnpd gateway and the laptop behind the
 * café NAT, both signed in as the same user (each enrolls at sign-in and gets its certificate), no SA keyed by hand
 * anywhere. Each lists the other; asked on the laptop's shell ({@code homeward:ike initiate home}, what the autotunnel
 * does on a first packet), IKE keys the SA pair on the tunnel port, and ping runs between the ULAs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IkeLabTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "lab-correct-horse-battery";
    private static final String KEYED = "SA pair keyed by IKE";
    private static final Pattern PING_LOSS = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");
    private static final Pattern RETRANSMITS = Pattern.compile("\"sum_sent\":\\s*\\{[^}]*\"retransmits\":\\s*(\\d+)");
    private static final Pattern INTERVAL_RETRANSMITS = Pattern.compile(
            "\"sum\":\\s*\\{\\s*\"start\":[^}]*?\"retransmits\":\\s*(\\d+)");
    private static final Pattern UNKNOWN_SPI = Pattern.compile("dropped: .*unknown SPI (\\d+)");
    private static final Pattern CHILD_SPI = Pattern.compile("child: \\S+ in ([0-9a-f]+) out");

    @RegisterExtension
    static final LabDirectory WORK = new LabDirectory("homeward-ike");
    private static Path work;
    private static LabRendezvous rendezvous;
    private static LabHost home;
    private static LabHost laptop;
    private static String homeUla;
    private static String laptopUla;

    @BeforeAll
    static void twoHostsOfOneUserThatListEachOther() throws Exception {
        NetLab.up();
        work = WORK.path();
        rendezvous = LabRendezvous.start(work.resolve("rendezvous"), USER, PASSWORD, 1800);
        home = LabHost.configure("home", "hw-home", work.resolve("home"), USER, PASSWORD, rendezvous.pin(), 5400);
        laptop = LabHost.configure("laptop", "hw-laptop", work.resolve("laptop"), USER, PASSWORD, rendezvous.pin(),
                5400);
        LabHost.startTogether(home::start, laptop::startOnTerminal);
        homeUla = home.awaitPublished(90).ula();
        laptopUla = laptop.awaitPublished(90).ula();
        home.awaitPeerAt("laptop", "11.0.0.3:4500", 30);
        laptop.awaitPeerAt("home", NetLab.HOME_WAN + ":4500", 30);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        NetLab.down(laptop, home, rendezvous);
    }

    @Test
    @Order(1)
    void ikeKeysTheSaPairAndPingRunsBothWays() throws Exception {
        String answer = laptop.initiateIke("home", 30);
        assertTrue(answer.startsWith("Initiating an IKE SA with home."), answer);
        home.awaitIke(KEYED, 60);
        laptop.awaitIke(KEYED, 60);
        assertTrue(home.tunnels().contains("peer " + laptopUla), home.tunnels());
        assertTrue(laptop.tunnels().contains("peer " + homeUla), laptop.tunnels());
        assertTrue(ping("hw-laptop", homeUla), "laptop -> home: " + laptop.tunnels() + home.ike());
        assertTrue(ping("hw-home", laptopUla), "home -> laptop: " + home.tunnels() + laptop.ike());
    }

    @Test
    @Order(2)
    void homewardIkeShowsTheEstablishedSaFromBothSides() throws Exception {
        String atHome = home.ike();
        String atLaptop = laptop.ike();
        assertTrue(atHome.contains("IKE: running as home."), atHome);
        assertTrue(atHome.matches("(?s).*laptop +(initiator|responder) +ESTABLISHED .*"), atHome);
        assertTrue(atLaptop.matches("(?s).*home +(initiator|responder) +ESTABLISHED .*"), atLaptop);
        assertTrue(atHome.contains("child: aes-gcm-16 in "), atHome);
        assertTrue(atHome.contains("initiator") != atLaptop.contains("initiator"),
                "one side initiated, the other answered:\n" + atHome + atLaptop);
        assertFalse(atHome.contains("keyed by hand"), atHome);
    }

    @Test
    @Order(3)
    void stoppingIkeRemovesItsSaPairAndThePeerKeysItAgainWhenAsked() throws Exception {
        LabConsole console = home.console();
        console.bundle("io.homeward.ike", "stop", LabConsole.RESOLVED);
        assertFalse(home.tunnels().contains("peer " + laptopUla), "the SA pair went with IKE: " + home.tunnels());
        laptop.awaitIke("the peer deleted its IKE SA", 10);

        console.bundle("io.homeward.ike", "start", LabConsole.ACTIVE);
        home.awaitIke("IKE: running as home.", 30);
        laptop.initiateIke("home", 30);
        home.awaitIke(KEYED, 60);
        assertTrue(ping("hw-laptop", homeUla), "laptop -> home after home's IKE restarted: " + home.ike());
        assertTrue(ping("hw-home", laptopUla), "home -> laptop after home's IKE restarted: " + laptop.ike());
    }

    @Test
    @Order(4)
    void aChildSaRekeyDuringAPingFloodLosesNoPacket() throws Exception {
        laptop.awaitIke(KEYED, 60);
        String before = childSpi(laptop.ike());
        assertTrue(laptop.tunnels().contains("spi in " + before), laptop.tunnels());
        String lostBefore = lost(home) + lost(laptop);
        Process flood = new ProcessBuilder("ip", "netns", "exec", "hw-home", "ping", "-6", "-n", "-q", "-i", "0.01",
                "-c", "800", "-W", "2", laptopUla).redirectErrorStream(true).start();
        Thread.sleep(3000);

        String answer = String.join("\n", laptop.run("homeward:ike rekey home"));

        assertTrue(answer.startsWith("Rekeying the Child SA with home"), answer + "\n" + laptop.ike());
        assertTrue(flood.waitFor(30, TimeUnit.SECONDS), "ping did not finish");
        String out = new String(flood.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.contains("800 packets transmitted, 800 received"), out + "\n" + laptop.ike() + home.ike());
        System.out.printf(Locale.ROOT, "ping flood across a Child SA rekey: %s%n", out.lines()
                .filter(line -> line.contains("packets transmitted")).findFirst().orElse(out));
        String after = childSpi(laptop.ike());
        assertNotEquals(before, after, laptop.ike());
        String tunnels = laptop.tunnels();
        assertTrue(tunnels.contains("spi in " + after), tunnels);
        assertFalse(tunnels.contains("spi in " + before), "the old pair is gone: " + tunnels);
        assertEquals(lostBefore, lost(home) + lost(laptop), "no ESP for a pair already removed: " + home.tunnels() + tunnels);
    }

    @Test
    @Order(5)
    void aChildSaRekeyDuringAnIperfTransferShowsNoError() throws Exception {
        String before = childSpi(laptop.ike());
        String lostBefore = lost(home) + lost(laptop);
        try (IperfServer server = IperfServer.start("hw-home", homeUla)) {
            Process client = new ProcessBuilder("ip", "netns", "exec", "hw-laptop", "iperf3", "-c", homeUla, "-t", "8",
                    "-J").redirectErrorStream(true).start();
            Thread.sleep(3000);

            String answer = String.join("\n", laptop.run("homeward:ike rekey home"));

            assertTrue(answer.startsWith("Rekeying the Child SA with home"), answer + "\n" + laptop.ike());
            assertTrue(client.waitFor(60, TimeUnit.SECONDS), "iperf3 did not finish");
            String json = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, client.exitValue(), json);
            assertFalse(json.contains("\"error\""), json);
            Matcher retransmits = RETRANSMITS.matcher(json);
            assertTrue(retransmits.find(), json);
            List<String> perSecond = new ArrayList<>();
            for (Matcher interval = INTERVAL_RETRANSMITS.matcher(json); interval.find();) {
                perSecond.add(interval.group(1));
            }
            System.out.printf(Locale.ROOT, "iperf3 across a Child SA rekey 3 s in: %s TCP retransmissions, per second"
                    + " %s%n", retransmits.group(1), perSecond);
        }
        assertNotEquals(before, childSpi(laptop.ike()), laptop.ike());
        assertEquals(lostBefore, lost(home) + lost(laptop), "no ESP for a pair already removed: " + home.tunnels()
                + laptop.tunnels());
    }

    /**
     * What the tunnel dropped inbound for an SPI no pair has, as ESP on a pair removed too early would be (outbound
     * "no SA" drops also count the kernel's multicast on the tunnel interface, so they tell nothing here).
     */
    private static String lost(LabHost host) throws Exception {
        String tunnels = host.tunnels();
        Matcher unknown = UNKNOWN_SPI.matcher(tunnels);
        assertTrue(unknown.find(), tunnels);
        return host.name + ": unknown SPI " + unknown.group(1) + "; ";
    }

    /** The inbound SPI of the host's one Child SA as {@code homeward:tunnels} prints it (eight hex digits). */
    private static String childSpi(String ike) {
        Matcher child = CHILD_SPI.matcher(ike);
        assertTrue(child.find(), ike);
        String spi = String.format("%08x", Long.parseLong(child.group(1), 16));
        assertFalse(child.find(), "one Child SA: " + ike);
        return spi;
    }

    /**
     * The laptop moves from the café to the train during a TCP transfer and a ping stream between the ULAs: the
     * transfer goes on without an error, and home's IKE SA follows the laptop to the train's NAT (MOBIKE's
     * UPDATE_SA_ADDRESSES when the laptop initiated, else its request from the new path behind the NAT).
     */
    @Test
    @Order(6)
    void aTransferGoesOnAsTheLaptopMovesAndTheIkeSaFollows() throws Exception {
        home.awaitIke(KEYED, 60);
        laptop.awaitIke(KEYED, 60);
        try {
            Process server = new ProcessBuilder("ip", "netns", "exec", "hw-home", "iperf3", "-s", "-1", "-B", homeUla)
                    .redirectErrorStream(true).start();
            Thread.sleep(500);
            Process client = new ProcessBuilder("ip", "netns", "exec", "hw-laptop", "iperf3", "-c", homeUla, "-t",
                    "10", "-J").redirectErrorStream(true).start();
            Process pings = new ProcessBuilder("ip", "netns", "exec", "hw-laptop", "ping", "-6", "-n", "-i", "0.05",
                    "-c", "200", homeUla).redirectErrorStream(true).start();
            Thread.sleep(3000);
            long movedAt = System.nanoTime();
            NetLab.Result moved = NetLab.script("move-laptop", "train");
            assertTrue(moved.exit() == 0, moved.out());
            String followed = home.awaitIke("<-> /11.0.0.5:", 30);
            long followedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - movedAt);

            assertTrue(client.waitFor(60, TimeUnit.SECONDS), "iperf3 did not finish");
            assertTrue(pings.waitFor(30, TimeUnit.SECONDS), "ping did not finish");
            server.waitFor(5, TimeUnit.SECONDS);
            server.destroyForcibly();
            String json = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String ping = new String(pings.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(client.exitValue() == 0 && !json.contains("\"error\""), json);
            List<Long> perSecond = DataPlaneLabTest.intervalBytes(json);
            assertTrue(perSecond.size() >= 10 && perSecond.subList(6, 10).stream().allMatch(b -> b > 0),
                    "bytes in the seconds after the move: " + perSecond);
            Matcher loss = PING_LOSS.matcher(ping);
            assertTrue(loss.find(), ping);
            int lost = Integer.parseInt(loss.group(1)) - Integer.parseInt(loss.group(2));
            String log = home.log() + laptop.log();
            assertTrue(log.contains("took UPDATE_SA_ADDRESSES") || log.contains("behind a NAT (RFC 7296 §2.23)"),
                    "neither MOBIKE nor the NAT following in the logs:\n" + followed);
            System.out.printf(Locale.ROOT, "IKE across the move: home's IKE SA at the train after %d ms (%s); ping"
                    + " every 50 ms: %d of 200 lost (about %d ms without answers); iperf3 bytes per second %s%n",
                    followedMs, log.contains("took UPDATE_SA_ADDRESSES") ? "MOBIKE UPDATE_SA_ADDRESSES"
                            : "followed behind the NAT", lost, lost * 50, perSecond);
        } finally {
            NetLab.script("move-laptop", "cafe");
        }
        home.awaitIke("<-> /11.0.0.3:", 30);
        assertTrue(ping("hw-laptop", homeUla), "back in the café: " + home.ike());
    }

    /** A runtime that stops (SIGTERM) deletes its IKE SAs before its tunnel port closes: the peer hears it. */
    @Test
    @Order(7)
    void aStoppingRuntimeTellsItsPeerWithDelete() throws Exception {
        home.awaitIke(KEYED, 60);
        laptop.awaitIke(KEYED, 60);
        home.stop();
        LabHost.await(laptop::log, "home deleted its IKE SA with this host", "the laptop's log", 10);
    }
}
